import { useState } from 'react';
import { useApi } from '../api/api-context.js';
import { isApiError } from '../api/api-error.js';
import { useResource } from '../api/use-resource.js';
import { useI18n } from '../i18n/index.js';
import { buildPath, navigate } from '../router/index.js';
import { Button } from '../ui/button.js';
import { ChoiceCards, type Choice } from '../ui/choice-cards.js';
import { describeError } from '../ui/describe-error.js';
import { Dialog } from '../ui/dialog.js';
import { Callout } from '../ui/feedback.js';
import { TextField } from '../ui/field.js';
import { Skeleton } from '../ui/spinner.js';
import { useToast } from '../ui/toast.js';

const BLANK = 'blank';

/** A new flow: blank, or one of the journey templates. Opens it in the editor once created. */
export function CreateFlowDialog({ onClose }: { onClose: () => void }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const toast = useToast();
  const templates = useResource(() => api.flows.templates(locale), locale);
  const [choice, setChoice] = useState<string>(BLANK);
  const [name, setName] = useState('');
  const [nameTouched, setNameTouched] = useState(false);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const choose = (value: string) => {
    setChoice(value);
    // Until the person types a name, the name follows the starting point.
    if (!nameTouched) setName(value === BLANK ? '' : (templates.state.data?.find((template) => template.id === value)?.name ?? ''));
  };

  const submit = async () => {
    const trimmed = name.trim();
    if (trimmed === '') {
      setError(t('common.required'));
      return;
    }
    setBusy(true);
    try {
      const flow = await api.flows.create({ name: trimmed, ...(choice === BLANK ? {} : { templateId: choice }) });
      toast.show({ tone: 'success', message: t('flows.create.done', { name: flow.name }) });
      onClose();
      navigate(buildPath('/flows/:id', { id: flow.id }));
    } catch (caught) {
      setBusy(false);
      if (isApiError(caught) && caught.fieldError('name') !== undefined) setError(caught.fieldError('name'));
      else toast.show({ tone: 'error', ...describeError(caught, t) });
    }
  };

  const choices: Choice<string>[] = [
    { value: BLANK, title: t('flows.create.blank'), description: t('flows.create.blankText'), icon: 'plus' },
    ...(templates.state.data ?? []).map((template) => ({ value: template.id, title: template.name, description: template.description, icon: 'sparkle' as const })),
  ];

  return (
    <Dialog
      size="lg"
      title={t('flows.create.title')}
      description={t('flows.create.description')}
      onClose={onClose}
      dismissible={!busy}
      onSubmit={() => void submit()}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button variant="primary" type="submit" loading={busy}>
            {t('flows.create.submit')}
          </Button>
        </>
      }
    >
      {templates.state.status === 'loading' && templates.state.data === undefined ? (
        <div style={{ display: 'grid', gap: 8 }} aria-hidden="true">
          <Skeleton height={64} />
          <Skeleton height={64} />
        </div>
      ) : (
        <ChoiceCards legend={t('flows.create.startingPoint')} choices={choices} value={choice} onChange={choose} />
      )}
      {templates.state.status === 'error' && <Callout tone="warning">{t('flows.templates.loadError')}</Callout>}
      <TextField
        label={t('flows.create.name')}
        placeholder={t('flows.create.namePlaceholder')}
        value={name}
        maxLength={200}
        error={error}
        onChange={(event) => {
          setName(event.target.value);
          setNameTouched(true);
          setError(undefined);
        }}
      />
    </Dialog>
  );
}
