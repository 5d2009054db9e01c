import { HANDOFF_PRIORITIES, SURVEY_KINDS, SURVEY_RANGES } from '@jornada/flow-engine';
import { useT } from '../../../i18n/index.js';
import { ChoiceField, ToggleField } from '../fields/choice-fields.js';
import { DurationField } from '../fields/duration-field.js';
import { NumberField } from '../fields/number-field.js';
import { StringListField } from '../fields/string-list-field.js';
import { TemplateField } from '../fields/template-field.js';
import { InspectorTextField } from '../fields/text-field.js';
import { compact, optionalText, type NodeFormProps } from './form-kit.js';
import { VariableNameField } from './variable-name-field.js';

/** Hands the conversation to a person: team, priority, what the agent reads, what the customer is told. */
export function HandoffForm({ data, onChange }: NodeFormProps<'handoff'>) {
  const t = useT();
  return (
    <>
      <InspectorTextField path="team" label={t('inspector.field.team')} optional maxLength={100} placeholder={t('inspector.placeholder.team')} value={data.team ?? ''} onCommit={(team) => onChange(compact({ ...data, team: optionalText(team) }))} />
      <ChoiceField path="priority" label={t('inspector.field.priority')} value={data.priority} choices={HANDOFF_PRIORITIES.map((p) => ({ value: p, label: t(`inspector.priority.${p}`) }))} onChange={(priority) => onChange({ ...data, priority })} />
      <TemplateField path="reason" label={t('inspector.field.reason')} value={data.reason} onCommit={(reason) => onChange({ ...data, reason })} />
      <TemplateField path="message" label={t('inspector.field.handoffMessage')} optional value={data.message ?? ''} onCommit={(message) => onChange(compact({ ...data, message: optionalText(message) }))} />
    </>
  );
}

/** A survey: NPS, CSAT or CES, the question, an optional comment, re-asking and timeout. */
export function SurveyForm({ data, onChange }: NodeFormProps<'survey'>) {
  const t = useT();
  const [low, high] = SURVEY_RANGES[data.kind];
  return (
    <>
      <ChoiceField
        path="kind"
        label={t('inspector.field.surveyKind')}
        value={data.kind}
        choices={SURVEY_KINDS.map((kind) => ({ value: kind, label: t(`inspector.surveyKind.${kind}`) }))}
        hint={t('inspector.hint.surveyRange', { low, high })}
        onChange={(kind) => onChange({ ...data, kind })}
      />
      <TemplateField path="text" label={t('inspector.field.question')} value={data.text} onCommit={(text) => onChange({ ...data, text })} />
      <VariableNameField path="variable" label={t('inspector.field.saveScoreIn')} optional value={data.variable ?? ''} onCommit={(variable) => onChange(compact({ ...data, variable: variable === '' ? undefined : variable }))} />
      <ToggleField
        path="comment"
        label={t('inspector.field.askComment')}
        checked={data.comment !== undefined}
        onChange={(on) => onChange(compact({ ...data, comment: on ? { prompt: t('inspector.default.commentPrompt') } : undefined }))}
      />
      {data.comment !== undefined && (
        <div className="inspector-group">
          <TemplateField path="comment.prompt" label={t('inspector.field.commentPrompt')} value={data.comment.prompt} onCommit={(prompt) => data.comment && onChange({ ...data, comment: { ...data.comment, prompt } })} />
          <VariableNameField
            path="comment.variable"
            label={t('inspector.field.saveCommentIn')}
            optional
            value={data.comment.variable ?? ''}
            onCommit={(variable) => data.comment && onChange({ ...data, comment: compact({ ...data.comment, variable: variable === '' ? undefined : variable }) })}
          />
          <DurationField path="comment.timeout" label={t('inspector.field.commentTimeout')} optional value={data.comment.timeout} onChange={(timeout) => data.comment && onChange({ ...data, comment: compact({ ...data.comment, timeout }) })} />
        </div>
      )}
      <TemplateField path="invalidText" label={t('inspector.field.invalidText')} optional value={data.invalidText ?? ''} onCommit={(invalidText) => onChange(compact({ ...data, invalidText: optionalText(invalidText) }))} />
      <NumberField path="maxAttempts" label={t('inspector.field.maxAttempts')} min={1} max={10} value={data.maxAttempts} onCommit={(maxAttempts) => onChange({ ...data, maxAttempts: maxAttempts ?? 2 })} />
      <DurationField path="timeout" label={t('inspector.field.noReplyTimeout')} optional value={data.timeout} onChange={(timeout) => onChange(compact({ ...data, timeout }))} />
    </>
  );
}

/** Tags to add to and remove from the contact. */
export function TagForm({ data, onChange }: NodeFormProps<'tag'>) {
  const t = useT();
  return (
    <>
      <StringListField
        path="add"
        legend={t('inspector.field.addTags')}
        itemLabel={(index) => t('inspector.item.tagToAdd', { n: index + 1 })}
        values={data.add}
        max={50}
        maxLength={100}
        empty={t('inspector.empty.tags')}
        addLabel={t('inspector.action.addTag')}
        onChange={(add) => onChange({ ...data, add })}
      />
      <StringListField
        path="remove"
        legend={t('inspector.field.removeTags')}
        itemLabel={(index) => t('inspector.item.tagToRemove', { n: index + 1 })}
        values={data.remove}
        max={50}
        maxLength={100}
        empty={t('inspector.empty.tags')}
        addLabel={t('inspector.action.addTag')}
        onChange={(remove) => onChange({ ...data, remove })}
      />
    </>
  );
}
