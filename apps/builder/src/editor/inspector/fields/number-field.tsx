import { useT } from '../../../i18n/index.js';
import { TextField } from '../../../ui/field.js';
import { useField } from '../form-context.js';
import { useDraft } from './use-draft.js';

/** Reads a typed number, accepting a decimal comma; undefined when empty, NaN when not a number. */
export function readNumber(text: string): number | undefined {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return undefined;
  return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/**
 * A number field: commits on blur or Enter. An empty optional field commits `undefined`; text
 * that is not a number stays in the field with an error and is not committed.
 */
export function NumberField({
  path,
  label,
  value,
  onCommit,
  optional,
  min,
  max,
  integer = true,
  hint,
}: {
  path: string;
  label: string;
  value: number | undefined;
  onCommit: (value: number | undefined) => void;
  optional?: boolean;
  min?: number;
  max?: number;
  integer?: boolean;
  hint?: string;
}) {
  const t = useT();
  const field = useField(path);
  const text = value === undefined ? '' : String(value);
  const draft = useDraft(text, (typed) => {
    const number = readNumber(typed);
    if (number === undefined && optional !== true) return;
    if (number !== undefined && Number.isNaN(number)) return;
    onCommit(number);
  });
  const typed = readNumber(draft.shown);
  const localError =
    typed !== undefined && Number.isNaN(typed)
      ? t('inspector.error.number')
      : typed === undefined && optional !== true && draft.editing
        ? t('common.required')
        : typed !== undefined && integer && !Number.isInteger(typed)
          ? t('inspector.error.integer')
          : undefined;
  return (
      <TextField
        id={field.id}
        ref={field.ref}
        data-path={path}
        label={label}
        inputMode={integer ? 'numeric' : 'decimal'}
        className="inspector-field"
        optionalLabel={optional === true ? t('common.optional') : undefined}
        hint={hint ?? field.help}
        error={localError ?? field.error}
        disabled={field.readOnly}
        value={draft.shown}
        onChange={(event) => draft.set(event.target.value)}
        onBlur={draft.commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            draft.commit();
          } else if (event.key === 'Escape' && draft.editing) {
            event.preventDefault();
            event.stopPropagation();
            draft.revert();
          } else if ((event.key === 'ArrowUp' || event.key === 'ArrowDown') && !field.readOnly) {
            // Arrows step the number, within its limits, like a native number field.
            event.preventDefault();
            const current = readNumber(draft.shown) ?? min ?? 0;
            if (Number.isNaN(current)) return;
            const next = Math.min(max ?? Infinity, Math.max(min ?? -Infinity, current + (event.key === 'ArrowUp' ? 1 : -1)));
            draft.set(String(next));
          }
        }}
      />
  );
}
