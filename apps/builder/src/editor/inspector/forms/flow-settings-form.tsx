import { CHANNEL_TYPES, type Json, type VariableDef } from '@jornada/flow-engine';
import { useT } from '../../../i18n/index.js';
import { TextAreaField } from '../../../ui/field.js';
import { CheckboxGroupField, ChoiceField } from '../fields/choice-fields.js';
import { ListEditor } from '../fields/list-editor.js';
import { NumberField } from '../fields/number-field.js';
import { InspectorTextField } from '../fields/text-field.js';
import { useDraft } from '../fields/use-draft.js';
import { useField } from '../form-context.js';
import type { FlowFields } from '../schema-problems.js';
import { compact, optionalText } from './form-kit.js';

const VARIABLE_TYPES = ['text', 'number', 'boolean', 'date', 'object', 'list'] as const satisfies readonly VariableDef['type'][];

/** Whether a default still fits after the variable's type changed. */
export function defaultFits(type: VariableDef['type'], value: Json | undefined): boolean {
  if (value === undefined || value === null) return true;
  switch (type) {
    case 'text':
    case 'date':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'list':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && !Array.isArray(value);
  }
}

/** A JSON default (object, list): parsed when committed; text that is not JSON stays with an error. */
function JsonDefaultField({ path, label, value, onCommit, list }: { path: string; label: string; value: Json | undefined; onCommit: (value: Json | undefined) => void; list: boolean }) {
  const t = useT();
  const field = useField(path);
  const parse = (text: string): { ok: true; value: Json | undefined } | { ok: false } => {
    if (text.trim() === '') return { ok: true, value: undefined };
    try {
      const parsed = JSON.parse(text) as Json;
      return list === Array.isArray(parsed) && typeof parsed === 'object' && parsed !== null ? { ok: true, value: parsed } : { ok: false };
    } catch {
      return { ok: false };
    }
  };
  const draft = useDraft(value === undefined || value === null ? '' : JSON.stringify(value, null, 2), (text) => {
    const parsed = parse(text);
    if (parsed.ok) onCommit(parsed.value);
  });
  const parsed = parse(draft.shown);
  return (
    <div className="inspector-field" ref={(element) => field.ref(element?.querySelector('textarea') ?? null)}>
      <TextAreaField
        id={field.id}
        data-path={path}
        label={label}
        optionalLabel={t('common.optional')}
        className="inspector-field--mono"
        rows={3}
        spellCheck={false}
        disabled={field.readOnly}
        value={draft.shown}
        error={parsed.ok ? field.error : t(list ? 'inspector.error.jsonList' : 'inspector.error.jsonObject')}
        hint={field.help}
        onChange={(event) => draft.set(event.target.value)}
        onBlur={draft.commit}
      />
    </div>
  );
}

function DefaultField({ variable, path, onChange }: { variable: VariableDef; path: string; onChange: (value: Json | undefined) => void }) {
  const t = useT();
  const label = t('inspector.field.default');
  const value = variable.default;
  switch (variable.type) {
    case 'number':
      return <NumberField path={path} label={label} optional integer={false} value={typeof value === 'number' ? value : undefined} onCommit={onChange} />;
    case 'boolean':
      return (
        <ChoiceField
          path={path}
          label={label}
          optional
          value={value === true ? 'true' : value === false ? 'false' : ''}
          choices={[
            { value: '', label: t('inspector.default.none') },
            { value: 'true', label: t('inspector.boolean.true') },
            { value: 'false', label: t('inspector.boolean.false') },
          ]}
          onChange={(chosen) => onChange(chosen === '' ? undefined : chosen === 'true')}
        />
      );
    case 'object':
    case 'list':
      return <JsonDefaultField path={path} label={label} list={variable.type === 'list'} value={value} onCommit={onChange} />;
    case 'text':
    case 'date':
      return (
        <InspectorTextField
          path={path}
          label={label}
          optional
          placeholder={variable.type === 'date' ? '2026-12-24' : undefined}
          value={typeof value === 'string' ? value : ''}
          onCommit={(text) => onChange(text === '' ? undefined : text)}
        />
      );
  }
}

/** The flow's own settings, shown when nothing is selected: name, description, channels, step budget, variables. */
export function FlowSettingsForm({ flow, onChange }: { flow: FlowFields; onChange: (flow: FlowFields) => void }) {
  const t = useT();
  const { settings, variables } = flow;
  const newName = () => {
    const taken = new Set(variables.map((v) => v.name));
    for (let n = variables.length + 1; ; n += 1) if (!taken.has(`variable_${String(n)}`)) return `variable_${String(n)}`;
  };
  return (
    <>
      <InspectorTextField path="name" label={t('inspector.field.flowName')} maxLength={200} value={flow.name} onCommit={(name) => onChange({ ...flow, name: name.trim() })} />
      <DescriptionField value={flow.description ?? ''} onCommit={(description) => onChange(compact({ ...flow, description: optionalText(description) }))} />
      <CheckboxGroupField
        path="settings.channels"
        legend={t('inspector.field.channels')}
        choices={CHANNEL_TYPES.map((channel) => ({ value: channel, label: t(`inspector.channel.${channel}`) }))}
        values={settings.channels}
        onChange={(channels) => onChange({ ...flow, settings: { ...settings, channels } })}
      />
      <NumberField path="settings.stepBudget" label={t('inspector.field.stepBudget')} min={10} max={10_000} value={settings.stepBudget} onCommit={(stepBudget) => onChange({ ...flow, settings: { ...settings, stepBudget: stepBudget ?? 200 } })} />
      <ListEditor
        path="variables"
        legend={t('inspector.field.variables')}
        items={variables}
        max={500}
        empty={t('inspector.empty.variables')}
        addLabel={t('inspector.action.addVariable')}
        itemName={(variable, index) => variable.name || t('inspector.item.variable', { n: index + 1 })}
        create={(): VariableDef => ({ name: newName(), type: 'text' })}
        onChange={(next) => onChange({ ...flow, variables: next })}
        renderItem={(variable, index, update) => {
          const base = `variables.${String(index)}`;
          return (
            <>
              <InspectorTextField path={`${base}.name`} label={t('inspector.field.variableName')} mono spellCheck={false} maxLength={64} value={variable.name} onCommit={(name) => update({ ...variable, name: name.trim() })} />
              <ChoiceField
                path={`${base}.type`}
                label={t('inspector.field.variableType')}
                value={variable.type}
                choices={VARIABLE_TYPES.map((type) => ({ value: type, label: t(`inspector.variableType.${type}`) }))}
                onChange={(type) => update(compact({ ...variable, type, default: defaultFits(type, variable.default) ? variable.default : undefined }))}
              />
              <DefaultField variable={variable} path={`${base}.default`} onChange={(value) => update(compact({ ...variable, default: value }))} />
              <InspectorTextField
                path={`${base}.description`}
                label={t('inspector.field.variableDescription')}
                optional
                maxLength={500}
                value={variable.description ?? ''}
                onCommit={(description) => update(compact({ ...variable, description: optionalText(description) }))}
              />
            </>
          );
        }}
      />
    </>
  );
}

function DescriptionField({ value, onCommit }: { value: string; onCommit: (text: string) => void }) {
  const t = useT();
  const field = useField('description');
  const draft = useDraft(value, onCommit);
  return (
    <div className="inspector-field" ref={(element) => field.ref(element?.querySelector('textarea') ?? null)}>
      <TextAreaField
        id={field.id}
        data-path="description"
        label={t('inspector.field.description')}
        optionalLabel={t('common.optional')}
        rows={3}
        maxLength={2000}
        disabled={field.readOnly}
        value={draft.shown}
        error={field.error}
        hint={field.help}
        onChange={(event) => draft.set(event.target.value)}
        onBlur={draft.commit}
      />
    </div>
  );
}

