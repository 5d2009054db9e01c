import { useId, type InputHTMLAttributes, type ReactNode, type Ref, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import './field.css';
import { Icon } from './icon.js';

interface FieldFrameProps {
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  readonly error?: string | undefined;
  /** Text after the label, e.g. "(optional)". */
  readonly optionalLabel?: string;
  readonly hideLabel?: boolean;
  readonly className?: string;
}

/** Label, control, hint and error, wired with ids so screen readers read them together. */
function FieldFrame({ id, label, hint, error, optionalLabel, hideLabel, className, children }: FieldFrameProps & { id: string; children: ReactNode }) {
  return (
    <div className={className === undefined ? 'field' : `field ${className}`}>
      <label htmlFor={id} className={hideLabel === true ? 'visually-hidden' : 'field__label'}>
        {label}
        {optionalLabel !== undefined && <span className="field__optional">{optionalLabel}</span>}
      </label>
      {children}
      {hint !== undefined && error === undefined && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {error !== undefined && (
        <p id={`${id}-error`} className="field__error">
          <Icon name="alert" size={14} />
          {error}
        </p>
      )}
    </div>
  );
}

function describedBy(id: string, { hint, error }: { hint?: ReactNode; error?: string | undefined }): string | undefined {
  if (error !== undefined) return `${id}-error`;
  if (hint !== undefined) return `${id}-hint`;
  return undefined;
}

export type TextFieldProps = FieldFrameProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'className'> & { readonly ref?: Ref<HTMLInputElement> };

export function TextField({ label, hint, error, optionalLabel, hideLabel, className, id: givenId, ...input }: TextFieldProps) {
  const generated = useId();
  const id = givenId ?? generated;
  return (
    <FieldFrame {...{ id, label, hint, error, optionalLabel, hideLabel, className }}>
      <input id={id} className="input" aria-invalid={error !== undefined || undefined} aria-describedby={describedBy(id, { hint, error })} {...input} />
    </FieldFrame>
  );
}

export type TextAreaFieldProps = FieldFrameProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'className'>;

export function TextAreaField({ label, hint, error, optionalLabel, hideLabel, className, id: givenId, ...textarea }: TextAreaFieldProps) {
  const generated = useId();
  const id = givenId ?? generated;
  return (
    <FieldFrame {...{ id, label, hint, error, optionalLabel, hideLabel, className }}>
      <textarea id={id} className="textarea" aria-invalid={error !== undefined || undefined} aria-describedby={describedBy(id, { hint, error })} {...textarea} />
    </FieldFrame>
  );
}

export type SelectFieldProps = FieldFrameProps & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'className'> & { readonly children: ReactNode };

export function SelectField({ label, hint, error, optionalLabel, hideLabel, className, id: givenId, children, ...select }: SelectFieldProps) {
  const generated = useId();
  const id = givenId ?? generated;
  return (
    <FieldFrame {...{ id, label, hint, error, optionalLabel, hideLabel, className }}>
      <select id={id} className="select" aria-invalid={error !== undefined || undefined} aria-describedby={describedBy(id, { hint, error })} {...select}>
        {children}
      </select>
    </FieldFrame>
  );
}

/** A search box with its icon; the label is for screen readers. */
export function SearchField({ label, className, ...input }: { label: string; className?: string } & Omit<InputHTMLAttributes<HTMLInputElement>, 'className' | 'type'>) {
  return (
    <div className={className === undefined ? 'search-field' : `search-field ${className}`}>
      <Icon name="search" size={18} />
      <input type="search" className="input" aria-label={label} placeholder={label} {...input} />
    </div>
  );
}
