import { useT } from '../../../i18n/index.js';
import { Callout } from '../../../ui/feedback.js';
import { ChoiceField } from '../fields/choice-fields.js';
import { ListEditor } from '../fields/list-editor.js';
import { NumberField } from '../fields/number-field.js';
import { ExpressionField, TemplateField } from '../fields/template-field.js';
import { InspectorTextField } from '../fields/text-field.js';
import { nextId } from '../ids.js';
import { compact, optionalText, type NodeFormProps } from './form-kit.js';
import { VariableNameField } from './variable-name-field.js';

/** Branches checked in order, each an expression; the first that holds is taken, else "else". */
export function ConditionForm({ data, onChange }: NodeFormProps<'condition'>) {
  const t = useT();
  return (
    <>
      <ListEditor
        path="branches"
        legend={t('inspector.field.branches')}
        items={data.branches}
        min={1}
        max={20}
        keyOf={(branch) => branch.id}
        addLabel={t('inspector.action.addBranch')}
        itemName={(branch, index) => branch.label?.trim() || t('inspector.item.branch', { n: index + 1 })}
        create={() => ({ id: nextId('branch', data.branches.map((b) => b.id)), when: 'true' })}
        onChange={(branches) => onChange({ ...data, branches })}
        renderItem={(branch, index, update) => (
          <>
            <InspectorTextField
              path={`branches.${String(index)}.label`}
              label={t('inspector.field.branchLabel')}
              optional
              maxLength={120}
              value={branch.label ?? ''}
              onCommit={(label) => update(compact({ ...branch, label: optionalText(label) }))}
            />
            <ExpressionField path={`branches.${String(index)}.when`} label={t('inspector.field.when')} multiline value={branch.when} onCommit={(when) => update({ ...branch, when })} />
          </>
        )}
      />
      <p className="inspector-note">{t('inspector.note.else')}</p>
    </>
  );
}

/** Assignments in order: a flow variable or a contact attribute, and the expression giving its value. */
export function SetVariableForm({ data, onChange }: NodeFormProps<'set_variable'>) {
  const t = useT();
  return (
    <ListEditor
      path="assignments"
      legend={t('inspector.field.assignments')}
      items={data.assignments}
      min={1}
      max={50}
      addLabel={t('inspector.action.addAssignment')}
      itemName={(assignment, index) => assignment.variable.trim() || t('inspector.item.assignment', { n: index + 1 })}
      create={() => ({ variable: `value_${String(data.assignments.length + 1)}`, value: '""' })}
      onChange={(assignments) => onChange({ ...data, assignments })}
      renderItem={(assignment, index, update) => (
        <>
          <VariableNameField path={`assignments.${String(index)}.variable`} label={t('inspector.field.variable')} allowContactAttributes value={assignment.variable} onCommit={(variable) => update({ ...assignment, variable })} />
          <ExpressionField path={`assignments.${String(index)}.value`} label={t('inspector.field.value')} value={assignment.value} onCommit={(value) => update({ ...assignment, value })} />
        </>
      )}
    />
  );
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** An HTTP call: method, address, headers, body, timeout, and what of the reply to keep in variables. */
export function HttpRequestForm({ data, onChange }: NodeFormProps<'http_request'>) {
  const t = useT();
  const headers = data.headers ?? [];
  const mapping = data.responseMapping ?? [];
  return (
    <>
      <ChoiceField path="method" label={t('inspector.field.method')} value={data.method} choices={METHODS.map((method) => ({ value: method, label: method }))} onChange={(method) => onChange({ ...data, method })} />
      <TemplateFieldLine path="url" label={t('inspector.field.url')} value={data.url} onCommit={(url) => onChange({ ...data, url })} />
      <ListEditor
        path="headers"
        legend={t('inspector.field.headers')}
        items={headers}
        max={30}
        empty={t('inspector.empty.headers')}
        addLabel={t('inspector.action.addHeader')}
        itemName={(header, index) => header.name.trim() || t('inspector.item.header', { n: index + 1 })}
        create={() => ({ name: 'Content-Type', value: 'application/json' })}
        onChange={(next) => onChange(compact({ ...data, headers: next.length === 0 ? undefined : next }))}
        renderItem={(header, index, update) => (
          <>
            <InspectorTextField path={`headers.${String(index)}.name`} label={t('inspector.field.headerName')} mono maxLength={200} value={header.name} onCommit={(name) => update({ ...header, name })} />
            <TemplateFieldLine path={`headers.${String(index)}.value`} label={t('inspector.field.headerValue')} value={header.value} onCommit={(value) => update({ ...header, value })} />
          </>
        )}
      />
      {data.method !== 'GET' && (
        <TemplateField path="body" label={t('inspector.field.body')} optional placeholder='{"email": "{{contact.email}}"}' value={data.body ?? ''} onCommit={(body) => onChange(compact({ ...data, body: optionalText(body) }))} />
      )}
      {data.method === 'GET' && data.body !== undefined && <Callout tone="warning">{t('inspector.note.getBody')}</Callout>}
      <NumberField path="timeoutMs" label={t('inspector.field.timeoutMs')} min={100} max={30_000} value={data.timeoutMs} onCommit={(timeoutMs) => onChange({ ...data, timeoutMs: timeoutMs ?? 10_000 })} />
      <ListEditor
        path="responseMapping"
        legend={t('inspector.field.responseMapping')}
        items={mapping}
        max={30}
        empty={t('inspector.empty.responseMapping')}
        addLabel={t('inspector.action.addMapping')}
        itemName={(row, index) => row.variable.trim() || t('inspector.item.mapping', { n: index + 1 })}
        create={() => ({ variable: `response_${String(mapping.length + 1)}`, path: 'data' })}
        onChange={(next) => onChange(compact({ ...data, responseMapping: next.length === 0 ? undefined : next }))}
        renderItem={(row, index, update) => (
          <>
            <VariableNameField path={`responseMapping.${String(index)}.variable`} label={t('inspector.field.variable')} value={row.variable} onCommit={(variable) => update({ ...row, variable })} />
            <ExpressionField path={`responseMapping.${String(index)}.path`} label={t('inspector.field.responsePath')} scope="response" value={row.path} onCommit={(path) => update({ ...row, path })} />
          </>
        )}
      />
    </>
  );
}

function TemplateFieldLine(props: { path: string; label: string; value: string; onCommit: (text: string) => void }) {
  return <TemplateField {...props} multiline={false} />;
}
