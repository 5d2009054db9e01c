import { useState } from 'react';
import { useApi } from '../api/api-context.js';
import { isApiError } from '../api/api-error.js';
import type { FlowSummary } from '../api/types.js';
import { useT } from '../i18n/index.js';
import { Button } from '../ui/button.js';
import { describeError } from '../ui/describe-error.js';
import { Dialog } from '../ui/dialog.js';
import { TextAreaField, TextField } from '../ui/field.js';
import { useToast } from '../ui/toast.js';

/** Name and description of a flow (a new draft revision; published versions keep theirs). */
export function RenameFlowDialog({ flow, onClose, onRenamed }: { flow: FlowSummary; onClose: () => void; onRenamed: () => void }) {
  const t = useT();
  const api = useApi();
  const toast = useToast();
  const [name, setName] = useState(flow.name);
  const [description, setDescription] = useState(flow.description);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const trimmed = name.trim();
    if (trimmed === '') {
      setError(t('common.required'));
      return;
    }
    if (trimmed === flow.name && description === flow.description) {
      onClose();
      return;
    }
    setBusy(true);
    try {
      const renamed = await api.flows.rename(flow.id, { name: trimmed, description });
      toast.show({ tone: 'success', message: t('flows.rename.done', { name: renamed.name }) });
      onRenamed();
      onClose();
    } catch (caught) {
      setBusy(false);
      if (isApiError(caught) && caught.fieldError('name') !== undefined) setError(caught.fieldError('name'));
      else toast.show({ tone: 'error', ...describeError(caught, t) });
    }
  };

  return (
    <Dialog
      title={t('flows.rename.title')}
      onClose={onClose}
      dismissible={!busy}
      onSubmit={() => void submit()}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button variant="primary" type="submit" loading={busy}>
            {t('common.save')}
          </Button>
        </>
      }
    >
      <TextField
        label={t('flows.create.name')}
        value={name}
        maxLength={200}
        autoFocus
        error={error}
        onFocus={(event) => event.target.select()}
        onChange={(event) => {
          setName(event.target.value);
          setError(undefined);
        }}
      />
      <TextAreaField label={t('flows.rename.description')} optionalLabel={t('common.optional')} value={description} maxLength={2000} rows={3} onChange={(event) => setDescription(event.target.value)} />
    </Dialog>
  );
}
