import { QUESTION_KINDS } from '@jornada/flow-engine';
import { useT } from '../../../i18n/index.js';
import { ChoiceField } from '../fields/choice-fields.js';
import { DurationField } from '../fields/duration-field.js';
import { ListEditor } from '../fields/list-editor.js';
import { NumberField } from '../fields/number-field.js';
import { TemplateField } from '../fields/template-field.js';
import { nextId } from '../ids.js';
import { compact, optionalText, type NodeFormProps } from './form-kit.js';
import { AliasesField } from './message-form.js';
import { VariableNameField } from './variable-name-field.js';

type QuestionData = NodeFormProps<'question'>['data'];

/** A question: what to ask, what kind of answer, where it is stored, re-asking and the no-reply timeout. */
export function QuestionForm({ data, onChange }: NodeFormProps<'question'>) {
  const t = useT();
  const options = data.options ?? [];
  const newOption = () => {
    const id = nextId('option', options.map((o) => o.id));
    return { id, title: t('inspector.default.option', { n: Number(id.split('_')[1]) }) };
  };
  const setKind = (kind: QuestionData['kind']) => {
    const next = compact({ ...data, kind, min: kind === 'number' ? data.min : undefined, max: kind === 'number' ? data.max : undefined });
    onChange(kind === 'choice' && options.length === 0 ? { ...next, options: [newOption()] } : kind === 'choice' ? next : compact({ ...next, options: undefined }));
  };
  return (
    <>
      <TemplateField path="text" label={t('inspector.field.question')} value={data.text} onCommit={(text) => onChange({ ...data, text })} />
      <ChoiceField path="kind" label={t('inspector.field.answerKind')} value={data.kind} choices={QUESTION_KINDS.map((kind) => ({ value: kind, label: t(`inspector.questionKind.${kind}`) }))} onChange={setKind} />
      {data.kind === 'choice' && (
        <ListEditor
          path="options"
          legend={t('inspector.field.options')}
          items={options}
          min={1}
          max={10}
          keyOf={(option) => option.id}
          addLabel={t('inspector.action.addOption')}
          itemName={(option, index) => option.title.trim() || t('inspector.item.option', { n: index + 1 })}
          create={newOption}
          onChange={(next) => onChange({ ...data, options: next })}
          renderItem={(option, index, update) => (
            <>
              <TemplateField path={`options.${String(index)}.title`} label={t('inspector.field.optionTitle')} multiline={false} maxLength={256} value={option.title} onCommit={(title) => update({ ...option, title })} />
              <AliasesField path={`options.${String(index)}.aliases`} values={option.aliases} onChange={(aliases) => update(compact({ ...option, aliases }))} />
            </>
          )}
        />
      )}
      {data.kind === 'number' && (
        <div className="inspector-row">
          <NumberField path="min" label={t('inspector.field.min')} optional integer={false} value={data.min} onCommit={(min) => onChange(compact({ ...data, min }))} />
          <NumberField path="max" label={t('inspector.field.max')} optional integer={false} value={data.max} onCommit={(max) => onChange(compact({ ...data, max }))} />
        </div>
      )}
      <VariableNameField path="variable" label={t('inspector.field.saveAnswerIn')} value={data.variable} onCommit={(variable) => onChange({ ...data, variable })} />
      <TemplateField path="invalidText" label={t('inspector.field.invalidText')} optional value={data.invalidText ?? ''} onCommit={(invalidText) => onChange(compact({ ...data, invalidText: optionalText(invalidText) }))} />
      <NumberField path="maxAttempts" label={t('inspector.field.maxAttempts')} min={1} max={10} value={data.maxAttempts} onCommit={(maxAttempts) => onChange({ ...data, maxAttempts: maxAttempts ?? 3 })} />
      <DurationField path="timeout" label={t('inspector.field.noReplyTimeout')} optional value={data.timeout} onChange={(timeout) => onChange(compact({ ...data, timeout }))} />
    </>
  );
}
