import { COMMERCE_EVENTS, type Duration } from '@jornada/flow-engine';
import { useT } from '../../../i18n/index.js';
import { ChoiceField, ToggleField } from '../fields/choice-fields.js';
import { DurationField } from '../fields/duration-field.js';
import { StringListField } from '../fields/string-list-field.js';
import { ExpressionField } from '../fields/template-field.js';
import { InspectorTextField } from '../fields/text-field.js';
import { compact, type NodeFormProps } from './form-kit.js';
import { VariableNameField } from './variable-name-field.js';

type WaitData = NodeFormProps<'wait'>['data'];
const WAIT_MODES = ['duration', 'until_time', 'until_date', 'business_hours'] as const satisfies readonly WaitData['mode'][];
const DEFAULT_WAIT: Duration = { amount: 1, unit: 'days' };

/** A wait: for a duration, until a time of day, until a date an expression gives, or until business hours. */
export function WaitForm({ data, onChange }: NodeFormProps<'wait'>) {
  const t = useT();
  const interrupt = data.interruptOnReply;
  const setMode = (mode: WaitData['mode']) => {
    const keep = interrupt === undefined ? {} : { interruptOnReply: interrupt };
    switch (mode) {
      case 'duration':
        return onChange({ mode, duration: DEFAULT_WAIT, ...keep });
      case 'until_time':
        return onChange({ mode, time: '09:00', ...keep });
      case 'until_date':
        return onChange({ mode, at: 'order.delivery_date', ...keep });
      case 'business_hours':
        return onChange({ mode, ...keep });
    }
  };
  return (
    <>
      <ChoiceField path="mode" label={t('inspector.field.waitMode')} value={data.mode} choices={WAIT_MODES.map((mode) => ({ value: mode, label: t(`inspector.waitMode.${mode}`) }))} onChange={setMode} />
      {data.mode === 'duration' && <DurationField path="duration" label={t('inspector.field.duration')} value={data.duration} onChange={(duration) => onChange({ ...data, duration: duration ?? DEFAULT_WAIT })} />}
      {data.mode === 'until_time' && <InspectorTextField path="time" type="time" label={t('inspector.field.time')} hint={t('inspector.hint.untilTime')} value={data.time} onCommit={(time) => onChange({ ...data, time })} />}
      {data.mode === 'until_date' && <ExpressionField path="at" label={t('inspector.field.at')} value={data.at} onCommit={(at) => onChange({ ...data, at })} />}
      {data.mode === 'business_hours' && <p className="inspector-note">{t('inspector.note.businessHours')}</p>}
      <ToggleField path="interruptOnReply" label={t('inspector.field.interruptOnReply')} hint={t('inspector.hint.interruptOnReply')} checked={interrupt === true} onChange={(on) => onChange(compact({ ...data, interruptOnReply: on ? true : undefined }))} />
    </>
  );
}

/** Waits for events (order.created…) within a time, optionally matching, keeping the event's data. */
export function WaitForEventForm({ data, onChange }: NodeFormProps<'wait_for_event'>) {
  const t = useT();
  return (
    <>
      <StringListField
        path="events"
        legend={t('inspector.field.events')}
        itemLabel={(index) => t('inspector.item.event', { n: index + 1 })}
        values={data.events}
        min={1}
        max={10}
        maxLength={100}
        suggestions={COMMERCE_EVENTS}
        addLabel={t('inspector.action.addEvent')}
        onChange={(events) => onChange({ ...data, events })}
      />
      <DurationField path="within" label={t('inspector.field.within')} value={data.within} onChange={(within) => onChange({ ...data, within: within ?? DEFAULT_WAIT })} />
      <ExpressionField path="match" label={t('inspector.field.match')} optional value={data.match ?? ''} onCommit={(match) => onChange(compact({ ...data, match: match.trim() === '' ? undefined : match }))} />
      <VariableNameField path="saveAs" label={t('inspector.field.saveAs')} optional value={data.saveAs ?? ''} onCommit={(saveAs) => onChange(compact({ ...data, saveAs: saveAs === '' ? undefined : saveAs }))} />
      <ToggleField path="interruptOnReply" label={t('inspector.field.interruptOnReply')} checked={data.interruptOnReply === true} onChange={(on) => onChange(compact({ ...data, interruptOnReply: on ? true : undefined }))} />
    </>
  );
}
