import { useCallback, useEffect, useId, useMemo, useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { FlowDocument, FlowNode, FlowOperation, LintIssue, Trigger } from '@jornada/flow-engine';
import { useI18n } from '../../i18n/index.js';
import { IconButton } from '../../ui/button.js';
import { Badge, Callout } from '../../ui/feedback.js';
import { focusableIn } from '../../ui/focus.js';
import { Icon } from '../../ui/icon.js';
import { FormProvider, type FormContextValue, type FormOwner } from './form-context.js';
import { InspectorTextField } from './fields/text-field.js';
import { FlowSettingsForm } from './forms/flow-settings-form.js';
import { compact } from './forms/form-kit.js';
import { NodeDataForm } from './forms/node-form.js';
import { TriggerForm } from './forms/trigger-form.js';
import type { InspectorSelection, NodeInspectorProps } from './node-inspector-props.js';
import { flowProblems, nodeProblems, triggerProblems, type FlowFields } from './schema-problems.js';
import { issueText } from './issue-text.js';
import { fieldOfPath, selectionIssues, type SelectionIssue } from './selection-issues.js';
import { usePendingEdit } from './use-pending-edit.js';
import { previewEnv, variableCatalog, type FieldScope, type VariableCatalog } from './variables.js';
import './node-inspector.css';

type Focuser = (field: string) => boolean;

/** Finds the element registered for `field` (else a field inside it, else the one containing it) and focuses it. */
function focusIn(elements: ReadonlyMap<string, HTMLElement>, field: string): boolean {
  const paths = [...elements.keys()];
  const child = paths.find((path) => field === '' || path.startsWith(`${field}.`));
  const parent = paths.filter((path) => field.startsWith(`${path}.`)).sort((a, b) => b.length - a.length)[0];
  const key = elements.has(field) ? field : (child ?? parent);
  const element = key === undefined ? undefined : elements.get(key);
  if (element === undefined || !element.isConnected) return false;
  const target = element.matches('input, select, textarea, button') ? element : focusableIn(element)[0];
  if (target === undefined) return false;
  target.focus();
  target.scrollIntoView({ block: 'nearest' });
  return true;
}

function summary(t: ReturnType<typeof useI18n>['t'], errors: number, warnings: number): string {
  if (errors > 0 && warnings > 0) return `${t('inspector.issues.errors', { count: errors })} · ${t('inspector.issues.warnings', { count: warnings })}`;
  return errors > 0 ? t('inspector.issues.errors', { count: errors }) : t('inspector.issues.warnings', { count: warnings });
}

function IssueList({ issues, onFocus, describe, readOnly }: { issues: readonly SelectionIssue[]; onFocus: Focuser; describe: (issue: LintIssue) => string; readOnly: boolean }) {
  const { t } = useI18n();
  if (issues.length === 0) return null;
  const errors = issues.filter((entry) => entry.issue.severity === 'error').length;
  return (
    <section className={errors > 0 ? 'inspector-issues inspector-issues--errors' : 'inspector-issues'} aria-label={t('inspector.issues.title')}>
      <p className="inspector-issues__summary">
        <Icon name="alert" size={16} />
        {summary(t, errors, issues.length - errors)}
      </p>
      <ul className="inspector-issues__list">
        {issues.map(({ issue, field }, index) => (
          <li key={`${issue.code}-${String(index)}`} className={`inspector-issues__item inspector-issues__item--${issue.severity}`}>
            <Badge tone={issue.severity === 'error' ? 'danger' : 'warning'}>{t(issue.severity === 'error' ? 'inspector.issues.error' : 'inspector.issues.warning')}</Badge>
            <span className="inspector-issues__message">{describe(issue)}</span>
            {field !== '' && !readOnly && (
              <button type="button" className="inspector-issues__go" onClick={() => onFocus(field)}>
                {t('inspector.issues.goTo')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Lint errors about a field's value, by field: what the field shows under it (warnings stay in the list above). */
function issuesByField(issues: readonly SelectionIssue[]): ReadonlyMap<string, readonly LintIssue[]> {
  const map = new Map<string, LintIssue[]>();
  for (const { issue, field, atField } of issues) if (atField && issue.severity === 'error') map.set(field, [...(map.get(field) ?? []), issue]);
  return map;
}

interface FormShellProps {
  readonly owner: FormOwner;
  /** The node shown, to name its outputs in issue texts. */
  readonly node?: FlowNode | undefined;
  readonly document: FlowDocument;
  readonly readOnly: boolean;
  readonly problems: FormContextValue['problems'];
  readonly issues: readonly SelectionIssue[];
  readonly held: boolean;
  readonly focusField: string | undefined;
  readonly children: ReactNode;
}

/** Provides the form context (errors, help, variables, focus) and shows issues and held edits above the fields. */
function FormShell({ owner, node, document, readOnly, problems, issues, held, focusField, children }: FormShellProps) {
  const { t, locale } = useI18n();
  const elements = useRef(new Map<string, HTMLElement>());
  const register = useCallback((path: string, element: HTMLElement | null) => {
    if (element === null) elements.current.delete(path);
    else elements.current.set(path, element);
  }, []);
  const focus = useCallback<Focuser>((field) => focusIn(elements.current, field), []);
  const catalog = useMemo(() => {
    const cache = new Map<FieldScope, VariableCatalog>();
    return (scope: FieldScope) => {
      let found = cache.get(scope);
      if (found === undefined) {
        found = variableCatalog(document, locale, scope);
        cache.set(scope, found);
      }
      return found;
    };
  }, [document, locale]);
  const env = useMemo(() => previewEnv(locale), [locale]);
  const byField = useMemo(() => issuesByField(issues), [issues]);
  const describeIssue = useCallback((issue: LintIssue) => issueText(issue, node, t), [node, t]);
  const value = useMemo<FormContextValue>(
    () => ({ owner, readOnly, problems, issues: byField, describeIssue, catalog, env, register }),
    [owner, readOnly, problems, byField, describeIssue, catalog, env, register],
  );

  useEffect(() => {
    if (focusField !== undefined) focus(focusField);
  }, [focusField, focus]);

  const general = problems.get('');
  return (
    <FormProvider value={value}>
      <IssueList issues={issues} onFocus={focus} describe={describeIssue} readOnly={readOnly} />
      {held && (
        <Callout tone="warning" role="status" title={t('inspector.held.title')}>
          <p>{general ?? t('inspector.held.text')}</p>
        </Callout>
      )}
      {!held && general !== undefined && <Callout tone="danger">{general}</Callout>}
      <div className="inspector-form">{children}</div>
    </FormProvider>
  );
}

function NodeEditor({ node, props, focusField }: { node: FlowNode; props: NodeInspectorProps; focusField: string | undefined }) {
  const { t } = useI18n();
  const { dispatch, document, readOnly } = props;
  const problemsOf = useCallback((value: FlowNode) => nodeProblems(value, t), [t]);
  const edit = usePendingEdit(node, problemsOf, (next) => {
    const operation: Extract<FlowOperation, { type: 'update_node' }> = { type: 'update_node', nodeId: node.id };
    if ((next.label ?? '') !== (node.label ?? '')) operation.label = next.label ?? null;
    if (JSON.stringify(next.data) !== JSON.stringify(node.data)) operation.data = next.data;
    dispatch(operation);
  });
  const issues = useMemo(() => selectionIssues(document, { kind: 'node', id: node.id }, props.issues), [document, node.id, props.issues]);
  const owner = useMemo<FormOwner>(() => ({ kind: 'node', type: node.type }), [node.type]);
  return (
    <FormShell owner={owner} node={node} document={document} readOnly={readOnly} problems={edit.problems} issues={issues} held={edit.held} focusField={focusField}>
      <InspectorTextField
        path="label"
        label={t('inspector.field.label')}
        optional
        maxLength={120}
        placeholder={t(`inspector.type.${node.type}`)}
        value={edit.value.label ?? ''}
        onCommit={(label) => edit.change(compact({ ...edit.value, label: label.trim() === '' ? undefined : label.trim() }))}
      />
      <NodeDataForm node={edit.value} currentFlowId={props.flowId} onChange={edit.change} />
    </FormShell>
  );
}

function TriggerEditor({ trigger, props, focusField }: { trigger: Trigger; props: NodeInspectorProps; focusField: string | undefined }) {
  const { t } = useI18n();
  const { dispatch, document, readOnly } = props;
  const problemsOf = useCallback((value: Trigger) => triggerProblems(value, t), [t]);
  const edit = usePendingEdit(trigger, problemsOf, (next) => dispatch({ type: 'update_trigger', trigger: next }));
  const issues = useMemo(() => selectionIssues(document, { kind: 'trigger', id: trigger.id }, props.issues), [document, trigger.id, props.issues]);
  const owner = useMemo<FormOwner>(() => ({ kind: 'trigger', type: edit.value.type }), [edit.value.type]);
  return (
    <FormShell owner={owner} document={document} readOnly={readOnly} problems={edit.problems} issues={issues} held={edit.held} focusField={focusField}>
      <TriggerForm trigger={edit.value} onChange={edit.change} />
    </FormShell>
  );
}

function flowFieldsOf(document: FlowDocument): FlowFields {
  return compact({ name: document.name, description: document.description, settings: document.settings, variables: document.variables });
}

function FlowEditor({ props, focusField }: { props: NodeInspectorProps; focusField: string | undefined }) {
  const { t } = useI18n();
  const { dispatch, document, readOnly } = props;
  const current = useMemo(() => flowFieldsOf(document), [document]);
  const problemsOf = useCallback((value: FlowFields) => flowProblems(value, t), [t]);
  const edit = usePendingEdit(current, problemsOf, (next) => {
    const operations: FlowOperation[] = [];
    const flow: Extract<FlowOperation, { type: 'update_flow' }> = { type: 'update_flow' };
    if (next.name !== current.name) flow.name = next.name;
    if ((next.description ?? '') !== (current.description ?? '')) flow.description = next.description ?? null;
    if (JSON.stringify(next.settings) !== JSON.stringify(current.settings)) flow.settings = next.settings;
    if (Object.keys(flow).length > 1) operations.push(flow);
    if (JSON.stringify(next.variables) !== JSON.stringify(current.variables)) operations.push({ type: 'set_variables', variables: next.variables });
    const [only] = operations;
    if (operations.length === 1 && only !== undefined) dispatch(only);
    else if (operations.length > 1) dispatch({ type: 'batch', operations });
  });
  const issues = useMemo(() => selectionIssues(document, { kind: 'flow' }, props.issues), [document, props.issues]);
  const owner = useMemo<FormOwner>(() => ({ kind: 'flow' }), []);
  return (
    <FormShell owner={owner} document={document} readOnly={readOnly} problems={edit.problems} issues={issues} held={edit.held} focusField={focusField}>
      <FlowSettingsForm flow={edit.value} onChange={edit.change} />
    </FormShell>
  );
}

function titleOf(selection: InspectorSelection, document: FlowDocument, t: ReturnType<typeof useI18n>['t']): { title: string; kind: string } {
  if (selection.kind === 'node') {
    const node = document.nodes.find((n) => n.id === selection.id);
    const kind = node === undefined ? '' : t(`inspector.type.${node.type}`);
    return { title: node?.label?.trim() || kind, kind };
  }
  if (selection.kind === 'trigger') {
    const trigger = document.triggers.find((tr) => tr.id === selection.id);
    return { title: trigger === undefined ? '' : t(`inspector.triggerType.${trigger.type}`), kind: t('inspector.kind.trigger') };
  }
  return { title: t('inspector.flow.title'), kind: document.name };
}

/**
 * Keys pressed on the panel's buttons and switches are the panel's: Delete or Backspace on a
 * list's Remove button must not delete the selected box, Ctrl+A or Ctrl+D must not select or
 * duplicate boxes (the editor's shortcuts listen on the window and only skip text fields).
 */
function keepKeysInPanel(event: KeyboardEvent<HTMLElement>): void {
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (event.key === 'Delete' || event.key === 'Backspace' || event.key === '/' || (mod && (key === 'a' || key === 'd'))) event.stopPropagation();
}

/**
 * The side panel of the flow editor: the form of the selected node or trigger, or the flow's
 * own settings when nothing is selected. Edits leave only as FlowOperations through `dispatch`.
 */
export function NodeInspector(props: NodeInspectorProps) {
  const { t } = useI18n();
  const { document, selection, focusPath, readOnly, onClose } = props;
  const titleId = useId();
  const node = selection.kind === 'node' ? document.nodes.find((n) => n.id === selection.id) : undefined;
  const trigger = selection.kind === 'trigger' ? document.triggers.find((tr) => tr.id === selection.id) : undefined;
  const focusField = focusPath === undefined ? undefined : fieldOfPath(document, selection, focusPath);
  const missing = (selection.kind === 'node' && node === undefined) || (selection.kind === 'trigger' && trigger === undefined);
  const { title, kind } = titleOf(selection, document, t);
  const key = selection.kind === 'flow' ? 'flow' : `${selection.kind}:${selection.id}`;
  return (
    <aside className="node-inspector" aria-labelledby={titleId} data-selection={key} onKeyDown={keepKeysInPanel}>
      <header className="node-inspector__header">
        <div className="node-inspector__titles">
          <p className="node-inspector__kind">{kind}</p>
          <h2 id={titleId} className="node-inspector__title">
            {title}
          </h2>
        </div>
        <IconButton icon="x" label={t('inspector.close')} onClick={onClose} />
      </header>
      {readOnly && (
        <p className="node-inspector__readonly">
          <Icon name="info" size={16} />
          {t('inspector.readOnly')}
        </p>
      )}
      <div className="node-inspector__body">
        {missing && <p className="inspector-note">{t('inspector.missing')}</p>}
        {node !== undefined && <NodeEditor key={key} node={node} props={props} focusField={focusField} />}
        {trigger !== undefined && <TriggerEditor key={key} trigger={trigger} props={props} focusField={focusField} />}
        {selection.kind === 'flow' && <FlowEditor key={key} props={props} focusField={focusField} />}
      </div>
    </aside>
  );
}
