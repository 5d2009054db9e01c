import { useState } from 'react';
import { useApi } from '../api/api-context.js';
import { isApiError } from '../api/api-error.js';
import { useSession } from '../auth/session-context.js';
import { useI18n } from '../i18n/index.js';
import { Button } from '../ui/button.js';
import { describeError } from '../ui/describe-error.js';
import { Dialog } from '../ui/dialog.js';
import { TextField } from '../ui/field.js';
import { useToast } from '../ui/toast.js';
import { browserTimeZone } from '../ui/time-zones.js';

/** A new workspace, owned by the person creating it, who then works in it. */
export function CreateWorkspaceDialog({ onClose }: { onClose: () => void }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const toast = useToast();
  const session = useSession();
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const timezone = browserTimeZone();

  const submit = async () => {
    const trimmed = name.trim();
    if (trimmed === '') {
      setError(t('common.required'));
      return;
    }
    setBusy(true);
    try {
      const created = await api.workspaces.create({ name: trimmed, timezone, locale });
      await session.switchWorkspace(created.id);
      toast.show({ tone: 'success', message: t('app.workspace.created', { name: created.name }) });
      onClose();
    } catch (caught) {
      setBusy(false);
      if (isApiError(caught) && caught.fieldError('name') !== undefined) setError(caught.fieldError('name'));
      else toast.show({ tone: 'error', ...describeError(caught, t) });
    }
  };

  return (
    <Dialog
      title={t('app.workspace.createTitle')}
      description={t('app.workspace.createDescription')}
      onClose={onClose}
      dismissible={!busy}
      onSubmit={() => void submit()}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button variant="primary" type="submit" loading={busy}>
            {t('common.create')}
          </Button>
        </>
      }
    >
      <TextField
        label={t('app.workspace.name')}
        placeholder={t('app.workspace.namePlaceholder')}
        value={name}
        maxLength={200}
        autoFocus
        error={error}
        hint={`${t('app.workspace.timezone')}: ${timezone}`}
        onChange={(event) => {
          setName(event.target.value);
          setError(undefined);
        }}
      />
    </Dialog>
  );
}
