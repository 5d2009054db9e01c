import { useState } from 'react';
import type { FlowDocument } from '@jornada/flow-engine';
import { useI18n, useT } from '../i18n/index.js';
import { Button } from '../ui/button.js';
import { Dialog } from '../ui/dialog.js';
import { describeError } from '../ui/describe-error.js';
import { Callout } from '../ui/feedback.js';
import { SelectField, TextAreaField, TextField } from '../ui/field.js';
import { eventName } from './describe.js';
import { eventChoices, parseDataText, sampleEventText } from './start-values.js';

const OTHER = '__other__';
/** As the API checks it (namespace.event). */
const EVENT_NAME = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/;

interface SendEventDialogProps {
  readonly document: FlowDocument;
  /** The events the session waits for now, offered first. */
  readonly awaited: readonly string[];
  readonly onSend: (event: { name: string; data: Record<string, unknown> }) => Promise<void>;
  readonly onClose: () => void;
}

/** Sends an event to this simulation only, prefilled with the sample order of the sample cart. */
export function SendEventDialog({ document, awaited, onSend, onClose }: SendEventDialogProps) {
  const t = useT();
  const { locale } = useI18n();
  const choices = [...new Set([...awaited, ...eventChoices(document)])];
  const [choice, setChoice] = useState(choices[0] ?? OTHER);
  const [customName, setCustomName] = useState('');
  const [dataText, setDataText] = useState(() => sampleEventText(choices[0] ?? '', locale));
  const [submitted, setSubmitted] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const name = choice === OTHER ? customName.trim() : choice;
  const nameError = submitted && choice === OTHER && !EVENT_NAME.test(name) ? t('simulator.eventDialog.customNameInvalid') : undefined;
  const parsed = parseDataText(dataText);
  const dataError = parsed.ok ? undefined : parsed.reason === 'json' ? t('simulator.json.invalid') : t('simulator.json.notObject');

  return (
    <Dialog
      title={t('simulator.eventDialog.title')}
      description={t('simulator.eventDialog.description')}
      dismissible={!sending}
      onClose={onClose}
      onSubmit={(event) => {
        event.preventDefault();
        setSubmitted(true);
        if (!parsed.ok || (choice === OTHER && !EVENT_NAME.test(name))) return;
        setSending(true);
        setError(null);
        onSend({ name, data: parsed.data }).then(onClose, (failure: unknown) => {
          setSending(false);
          setError(failure);
        });
      }}
      footer={
        <>
          <Button onClick={onClose} disabled={sending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="primary" loading={sending}>
            {t('simulator.eventDialog.submit')}
          </Button>
        </>
      }
    >
      <div className="sim-form">
        <SelectField
          label={t('simulator.eventDialog.name')}
          value={choice}
          autoFocus
          onChange={(event) => {
            const next = event.target.value;
            setChoice(next);
            setDataText(sampleEventText(next === OTHER ? '' : next, locale));
          }}
        >
          {choices.map((item) => (
            <option key={item} value={item}>
              {eventName(item, t) === item ? item : `${eventName(item, t)} (${item})`}
            </option>
          ))}
          <option value={OTHER}>{t('simulator.eventDialog.other')}</option>
        </SelectField>
        {choice === OTHER && (
          <TextField label={t('simulator.eventDialog.customName')} hint={t('simulator.eventDialog.customNameHint')} value={customName} error={nameError} onChange={(event) => setCustomName(event.target.value)} />
        )}
        <TextAreaField
          label={t('simulator.eventDialog.data')}
          hint={choice.startsWith('order.') ? t('simulator.eventDialog.dataHint') : undefined}
          className="sim-json"
          rows={10}
          spellCheck={false}
          value={dataText}
          error={submitted ? dataError : undefined}
          onChange={(event) => setDataText(event.target.value)}
        />
        {error !== null && (
          <Callout tone="danger" role="alert">
            {describeError(error, t).message}
          </Callout>
        )}
      </div>
    </Dialog>
  );
}
