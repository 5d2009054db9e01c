import { CHANNEL_TYPES, COMMERCE_EVENTS, type Trigger } from '@jornada/flow-engine';
import { useT } from '../../../i18n/index.js';
import { CheckboxGroupField, ChoiceField } from '../fields/choice-fields.js';
import { StringListField } from '../fields/string-list-field.js';
import { ExpressionField } from '../fields/template-field.js';
import { InspectorTextField } from '../fields/text-field.js';
import { compact } from './form-kit.js';

type InboundTrigger = Extract<Trigger, { type: 'inbound_message' }>;
type Match = InboundTrigger['match'];
const MATCH_KINDS = ['any', 'first_contact', 'keyword', 'regex'] as const satisfies readonly Match['kind'][];
const TRIGGER_TYPES = ['inbound_message', 'commerce_event', 'manual'] as const satisfies readonly Trigger['type'][];
const REGEX_FLAGS = ['i', 'm', 's', 'u'] as const;

/** The same trigger (same id) as another type, starting from sensible settings. */
export function retypeTrigger(trigger: Trigger, type: Trigger['type']): Trigger {
  switch (type) {
    case 'inbound_message':
      return { id: trigger.id, type, match: { kind: 'any' } };
    case 'commerce_event':
      return { id: trigger.id, type, event: 'cart.abandoned' };
    case 'manual':
      return { id: trigger.id, type };
  }
}

function matchOf(kind: Match['kind'], previous: Match): Match {
  switch (kind) {
    case 'any':
    case 'first_contact':
      return { kind };
    case 'keyword':
      return { kind, keywords: previous.kind === 'keyword' ? previous.keywords : [''] };
    case 'regex':
      return { kind, pattern: previous.kind === 'regex' ? previous.pattern : '^(hi|hello|oi|ola)\\b', flags: 'i' };
  }
}

function InboundFields({ trigger, onChange }: { trigger: InboundTrigger; onChange: (trigger: Trigger) => void }) {
  const t = useT();
  const { match } = trigger;
  return (
    <>
      <ChoiceField
        path="match.kind"
        label={t('inspector.field.matchKind')}
        value={match.kind}
        choices={MATCH_KINDS.map((kind) => ({ value: kind, label: t(`inspector.matchKind.${kind}`) }))}
        onChange={(kind) => onChange({ ...trigger, match: matchOf(kind, match) })}
      />
      {match.kind === 'keyword' && (
        <StringListField
          path="match.keywords"
          legend={t('inspector.field.keywords')}
          itemLabel={(index) => t('inspector.item.keyword', { n: index + 1 })}
          values={match.keywords}
          min={1}
          max={50}
          maxLength={100}
          hint={t('inspector.hint.keywords')}
          addLabel={t('inspector.action.addKeyword')}
          onChange={(keywords) => onChange({ ...trigger, match: { ...match, keywords } })}
        />
      )}
      {match.kind === 'regex' && (
        <>
          <InspectorTextField path="match.pattern" label={t('inspector.field.pattern')} mono spellCheck={false} maxLength={500} value={match.pattern} onCommit={(pattern) => onChange({ ...trigger, match: { ...match, pattern } })} />
          <CheckboxGroupField
            path="match.flags"
            legend={t('inspector.field.flags')}
            choices={REGEX_FLAGS.map((flag) => ({ value: flag, label: t(`inspector.regexFlag.${flag}`) }))}
            values={REGEX_FLAGS.filter((flag) => (match.flags ?? '').includes(flag))}
            onChange={(flags) => onChange({ ...trigger, match: compact({ ...match, flags: flags.length === 0 ? undefined : flags.join('') }) })}
          />
        </>
      )}
      <CheckboxGroupField
        path="channels"
        legend={t('inspector.field.triggerChannels')}
        choices={CHANNEL_TYPES.map((channel) => ({ value: channel, label: t(`inspector.channel.${channel}`) }))}
        values={trigger.channels ?? []}
        onChange={(channels) => onChange(compact({ ...trigger, channels: channels.length === 0 ? undefined : channels }))}
      />
    </>
  );
}

/** A trigger: what starts the flow (an inbound message, a commerce event, a manual/API start). */
export function TriggerForm({ trigger, onChange }: { trigger: Trigger; onChange: (trigger: Trigger) => void }) {
  const t = useT();
  return (
    <>
      <ChoiceField
        path="type"
        label={t('inspector.field.triggerType')}
        value={trigger.type}
        choices={TRIGGER_TYPES.map((type) => ({ value: type, label: t(`inspector.triggerType.${type}`) }))}
        onChange={(type) => type !== trigger.type && onChange(retypeTrigger(trigger, type))}
      />
      {trigger.type === 'inbound_message' && <InboundFields trigger={trigger} onChange={onChange} />}
      {trigger.type === 'commerce_event' && (
        <>
          <ChoiceField
            path="event"
            label={t('inspector.field.event')}
            value={trigger.event}
            choices={COMMERCE_EVENTS.map((event) => ({ value: event, label: t(`inspector.commerceEvent.${event}`) }))}
            onChange={(event) => onChange({ ...trigger, event })}
          />
          <ExpressionField
            path="filter"
            label={t('inspector.field.filter')}
            optional
            scope="filter"
            value={trigger.filter ?? ''}
            onCommit={(filter) => onChange(compact({ ...trigger, filter: filter.trim() === '' ? undefined : filter }))}
          />
        </>
      )}
      {trigger.type === 'manual' && <p className="inspector-note">{t('inspector.note.manual')}</p>}
    </>
  );
}
