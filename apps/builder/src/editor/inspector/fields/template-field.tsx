import { useLayoutEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useT } from '../../../i18n/index.js';
import { Icon } from '../../../ui/icon.js';
import { analyzeExpression, analyzeTemplate, displayValue, type SyntaxProblem } from '../analyze.js';
import { useField, useForm } from '../form-context.js';
import type { FieldScope, VariableCatalog } from '../variables.js';
import { useDraft, type Draft } from './use-draft.js';
import { VariablePicker } from './variable-picker.js';

type TextControl = HTMLInputElement | HTMLTextAreaElement;

/** Inserts `token` at the control's cursor (or at the end when it never had focus) and commits. */
function useInsertAtCursor(draft: Draft, onCommit: (text: string) => void) {
  const control = useRef<TextControl | null>(null);
  const touched = useRef(false);
  const caret = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (caret.current === null || control.current === null) return;
    control.current.focus();
    control.current.setSelectionRange(caret.current, caret.current);
    caret.current = null;
  });
  const insert = (token: string) => {
    const text = draft.shown;
    const element = control.current;
    const start = touched.current && element !== null ? (element.selectionStart ?? text.length) : text.length;
    const end = touched.current && element !== null ? (element.selectionEnd ?? start) : start;
    const next = text.slice(0, start) + token + text.slice(end);
    draft.set(next);
    onCommit(next);
    caret.current = start + token.length;
  };
  return { control, insert, onFocus: () => (touched.current = true) };
}

interface TextLikeProps {
  readonly path: string;
  readonly label: string;
  readonly value: string;
  readonly onCommit: (text: string) => void;
  readonly optional?: boolean;
  readonly multiline?: boolean;
  readonly placeholder?: string;
  readonly scope?: FieldScope;
  readonly hint?: string;
  readonly maxLength?: number;
}

/** Label, control row (with the picker), hint/error and what follows (preview). */
function TextLikeFrame({ id, label, optional, children, picker, below, hint, error }: { id: string; label: string; optional?: boolean | undefined; children: ReactNode; picker: ReactNode; below: ReactNode; hint: string | undefined; error: string | undefined }) {
  const t = useT();
  return (
    <div className="field inspector-field">
      <div className="inspector-field__top">
        <label htmlFor={id} className="field__label">
          {label}
          {optional === true && <span className="field__optional">{t('common.optional')}</span>}
        </label>
        {picker}
      </div>
      {children}
      {error !== undefined && (
        <p id={`${id}-error`} className="field__error">
          <Icon name="alert" size={14} />
          {error}
        </p>
      )}
      {below}
      {hint !== undefined && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
    </div>
  );
}

function describedBy(id: string, error: string | undefined, hint: string | undefined, extra?: string): string | undefined {
  const ids = [error === undefined ? undefined : `${id}-error`, extra, hint === undefined ? undefined : `${id}-hint`].filter(Boolean);
  return ids.length === 0 ? undefined : ids.join(' ');
}

function keyHandler(draft: Draft, multiline: boolean) {
  return (event: KeyboardEvent<TextControl>) => {
    if (event.key === 'Enter' && (!multiline || event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      draft.commit();
    } else if (event.key === 'Escape' && draft.editing) {
      event.preventDefault();
      event.stopPropagation();
      draft.revert();
    }
  };
}

function SyntaxError({ id, problem, source }: { id: string; problem: SyntaxProblem; source: string }) {
  const t = useT();
  const before = source.slice(Math.max(0, problem.offset - 12), problem.offset);
  const after = source.slice(problem.offset, problem.offset + 12);
  return (
    <p id={id} className="inspector-preview inspector-preview--error">
      <Icon name="alert" size={14} />
      <span>
        {t('inspector.preview.syntax', { message: problem.message })}{' '}
        <code className="inspector-preview__excerpt">
          {before}
          <mark className="inspector-preview__at">{after === '' ? ' ' : after}</mark>
        </code>
      </span>
    </p>
  );
}

/** The preview of a template over sample values; placeholders of unknown variables are marked. */
export function TemplatePreview({ id, source, catalog }: { id: string; source: string; catalog: VariableCatalog }) {
  const t = useT();
  const { env } = useForm();
  if (!source.includes('{{')) return null;
  const analysis = analyzeTemplate(source, catalog, env);
  if (!analysis.ok) return <SyntaxError id={id} problem={analysis.error} source={source} />;
  return (
    <div id={id} className="inspector-preview" aria-live="polite">
      <span className="inspector-preview__label">{t('inspector.preview.label')}</span>
      <p className="inspector-preview__text">
        {analysis.parts.map((part, index) => {
          if (part.kind === 'text') return <span key={index}>{part.text}</span>;
          if (part.kind === 'unknown') {
            return (
              <mark key={index} className="inspector-preview__unknown" title={t('inspector.preview.unknown', { names: part.names.join(', ') })}>
                {`{{${part.source}}}`}
              </mark>
            );
          }
          return part.text === '' ? (
            <span key={index} className="inspector-preview__empty" title={part.source}>
              {t('inspector.preview.empty', { source: part.source })}
            </span>
          ) : (
            <span key={index} className="inspector-preview__value" title={part.source}>
              {part.text}
            </span>
          );
        })}
      </p>
      {analysis.unknown.length > 0 && (
        <p className="inspector-preview__warning">
          <Icon name="alert" size={14} />
          {t('inspector.preview.unknown', { names: analysis.unknown.join(', ') })}
        </p>
      )}
    </div>
  );
}

/**
 * Text with `{{...}}` placeholders: a variable picker that inserts at the cursor, and a live
 * preview over sample values that marks unknown variables and syntax errors.
 */
export function TemplateField({ path, label, value, onCommit, optional, multiline = true, placeholder, scope = 'flow', hint, maxLength }: TextLikeProps) {
  const form = useForm();
  const field = useField(path);
  const draft = useDraft(value, onCommit);
  const { control, insert, onFocus } = useInsertAtCursor(draft, onCommit);
  const catalog = form.catalog(scope);
  const previewId = `${field.id}-preview`;
  const help = hint ?? field.help;
  const common = {
    id: field.id,
    'data-path': path,
    value: draft.shown,
    placeholder,
    maxLength,
    disabled: field.readOnly,
    spellCheck: true,
    'aria-invalid': field.error !== undefined || undefined,
    'aria-describedby': describedBy(field.id, field.error, help, draft.shown.includes('{{') ? previewId : undefined),
    onFocus,
    onBlur: draft.commit,
    onKeyDown: keyHandler(draft, multiline),
  };
  const ref = (element: TextControl | null) => {
    control.current = element;
    field.ref(element);
  };
  return (
    <TextLikeFrame
      id={field.id}
      label={label}
      optional={optional}
      hint={help}
      error={field.error}
      picker={<VariablePicker catalog={catalog} disabled={field.readOnly} fieldLabel={label} onPick={(variable) => insert(`{{${variable}}}`)} />}
      below={<TemplatePreview id={previewId} source={draft.shown} catalog={catalog} />}
    >
      {multiline ? (
        <textarea ref={ref} className="textarea inspector-template" rows={3} onChange={(event) => draft.set(event.target.value)} {...common} />
      ) : (
        <input ref={ref} className="input inspector-template" onChange={(event) => draft.set(event.target.value)} {...common} />
      )}
    </TextLikeFrame>
  );
}

/** What an expression gives over the samples, or why it cannot be read. */
function ExpressionStatus({ id, source, catalog }: { id: string; source: string; catalog: VariableCatalog }) {
  const t = useT();
  const { env } = useForm();
  if (source.trim() === '') return null;
  const analysis = analyzeExpression(source, catalog, env);
  if (!analysis.ok) return <SyntaxError id={id} problem={analysis.error} source={source} />;
  if (analysis.unknown.length > 0) {
    return (
      <p id={id} className="inspector-preview inspector-preview--warning">
        <Icon name="alert" size={14} />
        {t('inspector.preview.unknown', { names: analysis.unknown.join(', ') })}
      </p>
    );
  }
  const shown = displayValue(analysis.value);
  return (
    <p id={id} className="inspector-preview inspector-preview--value">
      <span className="inspector-preview__label">{t('inspector.preview.sample')}</span>{' '}
      <code>{shown === '' ? t('inspector.preview.nothing') : shown}</code>
    </p>
  );
}

/**
 * An expression (`cart.total > 100 && contact.tags contains "vip"`): monospaced, a variable
 * picker inserting names at the cursor, the parse error or the value over sample data below.
 */
export function ExpressionField({ path, label, value, onCommit, optional, multiline = false, placeholder, scope = 'flow', hint }: TextLikeProps) {
  const form = useForm();
  const field = useField(path);
  const draft = useDraft(value, onCommit);
  const { control, insert, onFocus } = useInsertAtCursor(draft, onCommit);
  const catalog = form.catalog(scope);
  const statusId = `${field.id}-status`;
  const help = hint ?? field.help;
  const common = {
    id: field.id,
    'data-path': path,
    value: draft.shown,
    placeholder,
    disabled: field.readOnly,
    spellCheck: false,
    autoComplete: 'off',
    'aria-invalid': field.error !== undefined || undefined,
    'aria-describedby': describedBy(field.id, field.error, help, draft.shown.trim() === '' ? undefined : statusId),
    onFocus,
    onBlur: draft.commit,
    onKeyDown: keyHandler(draft, multiline),
  };
  const ref = (element: TextControl | null) => {
    control.current = element;
    field.ref(element);
  };
  return (
    <TextLikeFrame
      id={field.id}
      label={label}
      optional={optional}
      hint={help}
      error={field.error}
      picker={<VariablePicker catalog={catalog} disabled={field.readOnly} fieldLabel={label} onPick={(variable) => insert(variable)} />}
      below={<ExpressionStatus id={statusId} source={draft.shown} catalog={catalog} />}
    >
      {multiline ? (
        <textarea ref={ref} className="textarea inspector-expression" rows={2} onChange={(event) => draft.set(event.target.value)} {...common} />
      ) : (
        <input ref={ref} className="input inspector-expression" onChange={(event) => draft.set(event.target.value)} {...common} />
      )}
    </TextLikeFrame>
  );
}
