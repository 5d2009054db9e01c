import { useState, type FormEvent } from 'react';
import type { FlowDocument } from '@jornada/flow-engine';
import type { StartSimulationRequest } from '../api/simulation-types.js';
import { useI18n, useT } from '../i18n/index.js';
import { Button } from '../ui/button.js';
import { describeError } from '../ui/describe-error.js';
import { Callout, EmptyState } from '../ui/feedback.js';
import { SelectField, TextAreaField, TextField } from '../ui/field.js';
import { channelName, eventName, triggerName } from './describe.js';
import { SimIcon } from './simulator-icon.js';
import { parseDataText, sampleDataText, simulatedChannels, startValuesFor, toStartRequest, type StartValues } from './start-values.js';

interface StartFormProps {
  readonly document: FlowDocument;
  readonly values: StartValues;
  readonly onChange: (values: StartValues) => void;
  readonly onStart: (request: StartSimulationRequest) => void;
  /** `saving` while the draft is flushed, `starting` while the API starts the run. */
  readonly phase: 'idle' | 'saving' | 'starting';
  readonly error: { readonly kind: 'save' | 'start'; readonly error: unknown } | null;
}

/** Where the test conversation starts: a trigger of the draft with what it starts with, the channel, the customer. */
export function StartForm({ document, values, onChange, onStart, phase, error }: StartFormProps) {
  const t = useT();
  const { locale } = useI18n();
  const [submitted, setSubmitted] = useState(false);
  const trigger = document.triggers.find((item) => item.id === values.triggerId);
  const channels = simulatedChannels(document);

  if (document.triggers.length === 0) {
    return (
      <div className="sim-start">
        <EmptyState icon="flows" title={t('simulator.start.noTriggers.title')}>
          {t('simulator.start.noTriggers.text')}
        </EmptyState>
      </div>
    );
  }

  const parsed = parseDataText(values.dataText);
  const dataError = parsed.ok ? undefined : parsed.reason === 'json' ? t('simulator.json.invalid') : t('simulator.json.notObject');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const request = toStartRequest(document, values);
    if (request !== undefined) onStart(request);
  };
  const busy = phase !== 'idle';

  return (
    <form className="sim-start" onSubmit={submit} noValidate>
      <h3 className="sim-start__heading">{t('simulator.start.heading')}</h3>
      <p className="sim-start__lead">{t('simulator.subtitle')}</p>
      <div className="sim-form">
        <SelectField
          label={t('simulator.start.trigger')}
          value={values.triggerId}
          onChange={(event) => onChange(startValuesFor(document, locale, event.target.value, values))}
        >
          {document.triggers.map((item) => (
            <option key={item.id} value={item.id}>
              {triggerName(item, t)}
            </option>
          ))}
        </SelectField>

        {trigger?.type === 'inbound_message' && (
          <TextField
            label={t('simulator.start.message')}
            hint={trigger.match.kind === 'keyword' ? t('simulator.start.messageHint') : undefined}
            value={values.message}
            maxLength={4096}
            onChange={(event) => onChange({ ...values, message: event.target.value })}
          />
        )}

        {(trigger?.type === 'commerce_event' || trigger?.type === 'manual') && (
          <div className="sim-json-field">
            <TextAreaField
              label={trigger.type === 'commerce_event' ? t('simulator.start.eventData') : t('simulator.start.manualData')}
              hint={trigger.type === 'commerce_event' ? t('simulator.start.eventDataHint', { event: eventName(trigger.event, t) }) : t('simulator.start.manualDataHint')}
              className="sim-json"
              rows={trigger.type === 'commerce_event' ? 12 : 4}
              spellCheck={false}
              value={values.dataText}
              error={submitted ? dataError : undefined}
              onChange={(event) => onChange({ ...values, dataText: event.target.value })}
            />
            {trigger.type === 'commerce_event' && values.dataText !== sampleDataText(trigger, locale) && (
              <Button size="sm" variant="ghost" icon="restore" onClick={() => onChange({ ...values, dataText: sampleDataText(trigger, locale) })}>
                {t('simulator.start.resetSample')}
              </Button>
            )}
          </div>
        )}

        <div className="sim-form__row">
          <SelectField
            label={t('simulator.start.channel')}
            value={values.channel}
            onChange={(event) => onChange({ ...values, channel: event.target.value as StartValues['channel'] })}
          >
            {channels.map((channel) => (
              <option key={channel} value={channel}>
                {channelName(channel, t)}
              </option>
            ))}
          </SelectField>
          <TextField label={t('simulator.start.contactName')} value={values.contactName} maxLength={200} autoComplete="off" onChange={(event) => onChange({ ...values, contactName: event.target.value })} />
        </div>

        {error !== null && (
          <Callout tone="danger" role="alert" title={error.kind === 'save' ? t('simulator.start.saveFailed') : t('simulator.start.failed')}>
            <p>{describeError(error.error, t).message}</p>
            {describeError(error.error, t).detail !== undefined && <p className="sim-start__detail">{describeError(error.error, t).detail}</p>}
          </Callout>
        )}

        <Button type="submit" variant="primary" block loading={busy}>
          {!busy && <SimIcon name="play" size={16} />}
          {phase === 'saving' ? t('simulator.start.saving') : t('simulator.start.submit')}
        </Button>
      </div>
    </form>
  );
}
