import { useId } from 'react';
import { useT } from '../../../i18n/index.js';
import { SelectField } from '../../../ui/field.js';
import { useField } from '../form-context.js';

export interface Choice<V extends string> {
  readonly value: V;
  readonly label: string;
}

/** A select that commits as soon as a choice is made. */
export function ChoiceField<V extends string>({
  path,
  label,
  value,
  choices,
  onChange,
  optional,
  hint,
}: {
  path: string;
  label: string;
  value: V;
  choices: readonly Choice<V>[];
  onChange: (value: V) => void;
  optional?: boolean;
  hint?: string;
}) {
  const t = useT();
  const field = useField(path);
  const { ref } = field;
  return (
    // SelectField takes no ref: the wrapper hands its select to the focus registry.
    <div className="inspector-field" ref={(element) => ref(element?.querySelector('select') ?? null)}>
    <SelectField
      id={field.id}
      data-path={path}
      label={label}
      optionalLabel={optional === true ? t('common.optional') : undefined}
      hint={hint ?? field.help}
      error={field.error}
      disabled={field.readOnly}
      value={value}
      onChange={(event) => {
        const chosen = choices.find((choice) => choice.value === event.target.value);
        if (chosen !== undefined) onChange(chosen.value);
      }}
    >
      {!choices.some((choice) => choice.value === value) && <option value={value}>{value}</option>}
      {choices.map((choice) => (
        <option key={choice.value} value={choice.value}>
          {choice.label}
        </option>
      ))}
    </SelectField>
    </div>
  );
}

/** An on/off switch that commits at once, with its help under it. */
export function ToggleField({ path, label, checked, onChange, hint }: { path: string; label: string; checked: boolean; onChange: (checked: boolean) => void; hint?: string }) {
  const field = useField(path);
  const help = hint ?? field.help;
  return (
    <div className="field inspector-field inspector-toggle">
      <label className="inspector-switch" htmlFor={field.id}>
        <input
          id={field.id}
          ref={field.ref}
          data-path={path}
          type="checkbox"
          role="switch"
          checked={checked}
          disabled={field.readOnly}
          aria-describedby={help === undefined && field.error === undefined ? undefined : `${field.id}-help`}
          onChange={(event) => onChange(event.target.checked)}
        />
        <span>{label}</span>
      </label>
      {field.error !== undefined ? (
        <p id={`${field.id}-help`} className="field__error">
          {field.error}
        </p>
      ) : (
        help !== undefined && (
          <p id={`${field.id}-help`} className="field__hint">
            {help}
          </p>
        )
      )}
    </div>
  );
}

/** Several checkboxes in a group (channels): each change commits at once. */
export function CheckboxGroupField<V extends string>({
  path,
  legend,
  choices,
  values,
  onChange,
  hint,
}: {
  path: string;
  legend: string;
  choices: readonly Choice<V>[];
  values: readonly V[];
  onChange: (values: V[]) => void;
  hint?: string;
}) {
  const field = useField(path);
  const hintId = useId();
  const help = hint ?? field.help;
  return (
    <fieldset className="inspector-fieldset inspector-checkboxes" data-path={path} aria-describedby={hintId} aria-invalid={field.error !== undefined || undefined}>
      <legend className="field__label">{legend}</legend>
      <div className="inspector-checkboxes__options">
        {choices.map((choice, index) => (
          <label key={choice.value} className="checkbox">
            <input
              ref={index === 0 ? field.ref : undefined}
              type="checkbox"
              checked={values.includes(choice.value)}
              disabled={field.readOnly}
              onChange={(event) => {
                const next = event.target.checked ? [...values, choice.value] : values.filter((value) => value !== choice.value);
                // Kept in the order the choices are listed, whatever the order of clicks.
                onChange(choices.map((c) => c.value).filter((value) => next.includes(value)));
              }}
            />
            {choice.label}
          </label>
        ))}
      </div>
      {field.error !== undefined ? (
        <p id={hintId} className="field__error">
          {field.error}
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
