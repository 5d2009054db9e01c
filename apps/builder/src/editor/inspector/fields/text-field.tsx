import type { InputHTMLAttributes } from 'react';
import { useT } from '../../../i18n/index.js';
import { TextField } from '../../../ui/field.js';
import { useField } from '../form-context.js';
import { useDraft } from './use-draft.js';

export interface InspectorTextFieldProps extends Pick<InputHTMLAttributes<HTMLInputElement>, 'placeholder' | 'maxLength' | 'list' | 'inputMode' | 'autoComplete' | 'spellCheck'> {
  readonly path: string;
  readonly label: string;
  readonly value: string;
  /** Called with the typed text when the field loses focus or on Enter. */
  readonly onCommit: (text: string) => void;
  readonly optional?: boolean;
  /** Help shown under the field instead of the catalogue's. */
  readonly hint?: string;
  readonly mono?: boolean;
  readonly hideLabel?: boolean;
  readonly type?: 'text' | 'time' | 'url';
}

/** A one-line text field that commits on blur or Enter; Escape puts the saved value back. */
export function InspectorTextField({ path, label, value, onCommit, optional, hint, mono, hideLabel, type = 'text', ...input }: InspectorTextFieldProps) {
  const t = useT();
  const field = useField(path);
  const draft = useDraft(value, onCommit);
  return (
    <TextField
      id={field.id}
      ref={field.ref}
      data-path={path}
      label={label}
      hideLabel={hideLabel}
      type={type}
      className={mono === true ? 'inspector-field inspector-field--mono' : 'inspector-field'}
      optionalLabel={optional === true ? t('common.optional') : undefined}
      hint={hint ?? field.help}
      error={field.error}
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
        }
      }}
      {...input}
    />
  );
}
