import { createContext, use, useCallback, useId, useMemo, type ReactNode } from 'react';
import type { FormatEnv, LintIssue, NodeType, Trigger } from '@jornada/flow-engine';
import { useI18n } from '../../i18n/index.js';
import { helpText } from './help-messages.js';
import { flowFields, genericPath, nodeDataFields, triggerFields, type SchemaField } from './schema-paths.js';
import type { FieldProblems } from './schema-problems.js';
import type { FieldScope, VariableCatalog } from './variables.js';

/** Whose fields a form edits: help texts and schema checks are looked up by it. */
export type FormOwner = { readonly kind: 'node'; readonly type: NodeType } | { readonly kind: 'trigger'; readonly type: Trigger['type'] } | { readonly kind: 'flow' };

export interface FormContextValue {
  readonly owner: FormOwner;
  readonly readOnly: boolean;
  /** Schema problems of the form's current value, by field path. */
  readonly problems: FieldProblems;
  /** Lint issues of the selection, by field path. */
  readonly issues: ReadonlyMap<string, readonly LintIssue[]>;
  /** The variables a field of this scope may read, with sample values. */
  readonly catalog: (scope: FieldScope) => VariableCatalog;
  readonly env: FormatEnv;
  /** Remembers the element that edits `path`, so a lint issue can focus it. */
  readonly register: (path: string, element: HTMLElement | null) => void;
}

const FormContext = createContext<FormContextValue | null>(null);

export function FormProvider({ value, children }: { value: FormContextValue; children: ReactNode }) {
  return <FormContext value={value}>{children}</FormContext>;
}

export function useForm(): FormContextValue {
  const value = use(FormContext);
  if (value === null) throw new Error('useForm() outside <FormProvider>');
  return value;
}

function ownerKey(owner: FormOwner): string {
  return owner.kind === 'node' ? owner.type : owner.kind === 'trigger' ? `trigger.${owner.type}` : 'flow';
}

function ownerFields(owner: FormOwner): SchemaField[] {
  return owner.kind === 'node' ? nodeDataFields(owner.type) : owner.kind === 'trigger' ? triggerFields(owner.type) : flowFields();
}

/** The help catalogue's key of a field: `message.buttons.*.title`, `node.label`, `flow.settings.channels`. */
export function helpKey(owner: FormOwner, path: string): string {
  if (owner.kind === 'node' && path === 'label') return 'node.label';
  return `${ownerKey(owner)}.${genericPath(path)}`;
}

/** The schema's own (English) description of a field, the fallback of the catalogue. */
export function schemaHelp(owner: FormOwner, path: string): string | undefined {
  const generic = genericPath(path);
  return ownerFields(owner).find((field) => field.path === generic)?.description;
}

/** Help of a field in the builder's language; the schema's English when the catalogue has none. */
export function useHelp(path: string): string | undefined {
  const { locale } = useI18n();
  const { owner } = useForm();
  return helpText(locale, helpKey(owner, path)) ?? schemaHelp(owner, path);
}

export interface FieldBinding {
  readonly id: string;
  readonly error: string | undefined;
  readonly help: string | undefined;
  readonly readOnly: boolean;
  /** Pass as `ref` to the element that edits the field. */
  readonly ref: (element: HTMLElement | null) => void;
}

/** What a field component needs: its id, error (schema first, then lint), help and focus registration. */
export function useField(path: string): FieldBinding {
  const form = useForm();
  const id = useId();
  const help = useHelp(path);
  const { register } = form;
  const ref = useCallback((element: HTMLElement | null) => register(path, element), [register, path]);
  const error = form.problems.get(path) ?? form.issues.get(path)?.[0]?.message;
  return useMemo(() => ({ id, error, help, readOnly: form.readOnly, ref }), [id, error, help, form.readOnly, ref]);
}
