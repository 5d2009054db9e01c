import { DURATION_UNITS, type Duration } from '@jornada/flow-engine';
import { useT } from '../../../i18n/index.js';
import { useField } from '../form-context.js';
import { readNumber } from './number-field.js';
import { useDraft } from './use-draft.js';

export const DEFAULT_TIMEOUT: Duration = { amount: 1, unit: 'hours' };

/**
 * A duration: amount and unit side by side. Optional durations (timeouts) have a switch in
 * front: off removes the duration (and its output), on starts from `fallback`.
 */
export function DurationField({
  path,
  label,
  value,
  onChange,
  optional = false,
  fallback = DEFAULT_TIMEOUT,
  hint,
}: {
  path: string;
  label: string;
  value: Duration | undefined;
  onChange: (value: Duration | undefined) => void;
  optional?: boolean;
  fallback?: Duration;
  hint?: string;
}) {
  const t = useT();
  const field = useField(path);
  const amountField = useField(`${path}.amount`);
  const unitField = useField(`${path}.unit`);
  const help = hint ?? field.help;
  const draft = useDraft(value === undefined ? '' : String(value.amount), (typed) => {
    const amount = readNumber(typed);
    if (value === undefined || amount === undefined || Number.isNaN(amount)) return;
    onChange({ ...value, amount });
  });
  const typed = readNumber(draft.shown);
  const localError =
    value === undefined
      ? undefined
      : typed === undefined
        ? t('common.required')
        : Number.isNaN(typed) || !Number.isInteger(typed) || typed <= 0
          ? t('inspector.error.positiveInteger')
          : undefined;
  const error = localError ?? amountField.error ?? unitField.error ?? field.error;
  const hintId = `${field.id}-hint`;
  return (
    <fieldset className="inspector-fieldset inspector-duration" data-path={path} aria-describedby={hintId}>
      <legend className="field__label">{label}</legend>
      {optional && (
        <label className="inspector-switch">
          <input
            ref={value === undefined ? field.ref : undefined}
            type="checkbox"
            role="switch"
            data-path={`${path}.enabled`}
            checked={value !== undefined}
            disabled={field.readOnly}
            onChange={(event) => onChange(event.target.checked ? fallback : undefined)}
          />
          <span>{t('inspector.duration.enable', { field: label })}</span>
        </label>
      )}
      {value !== undefined && (
        <div className="inspector-duration__row">
          <input
            ref={(element) => {
              amountField.ref(element);
              field.ref(element);
            }}
            id={amountField.id}
            data-path={`${path}.amount`}
            className="input inspector-duration__amount"
            inputMode="numeric"
            aria-label={t('inspector.duration.amount', { field: label })}
            aria-invalid={error !== undefined || undefined}
            disabled={field.readOnly}
            value={draft.shown}
            onChange={(event) => draft.set(event.target.value)}
            onBlur={draft.commit}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                draft.commit();
              }
            }}
          />
          <select
            ref={unitField.ref}
            id={unitField.id}
            data-path={`${path}.unit`}
            className="select inspector-duration__unit"
            aria-label={t('inspector.duration.unit', { field: label })}
            disabled={field.readOnly}
            value={value.unit}
            onChange={(event) => {
              const unit = DURATION_UNITS.find((u) => u === event.target.value);
              if (unit !== undefined) onChange({ ...value, unit });
            }}
          >
            {DURATION_UNITS.map((unit) => (
              <option key={unit} value={unit}>
                {t(`inspector.duration.${unit}`, { count: value.amount })}
              </option>
            ))}
          </select>
        </div>
      )}
      {error !== undefined ? (
        <p id={hintId} className="field__error">
          {error}
        </p>
      ) : (
        help !== undefined && (
          <p id={hintId} className="field__hint">
            {help}
          </p>
        )
      )}
    </fieldset>
  );
}
