import { useState } from 'react';
import { useApi } from '../api/api-context.js';
import { isApiError } from '../api/api-error.js';
import { API_KEY_ROLES, type ApiKeyRole, type CreatedApiKey, type Role } from '../api/types.js';
import { roleLabel } from '../app/role-label.js';
import { useT } from '../i18n/index.js';
import { Button } from '../ui/button.js';
import { CopyField } from '../ui/copy-field.js';
import { describeError } from '../ui/describe-error.js';
import { Dialog } from '../ui/dialog.js';
import { Callout } from '../ui/feedback.js';
import { SelectField, TextField } from '../ui/field.js';
import { useToast } from '../ui/toast.js';

/** Names a key and its role, then shows the key the one time it exists in clear. */
export function CreateApiKeyDialog({ actorRoles, onClose, onCreated }: { actorRoles: readonly Role[]; onClose: () => void; onCreated: () => void }) {
  const t = useT();
  const api = useApi();
  const toast = useToast();
  const roles = API_KEY_ROLES.filter((role) => actorRoles.includes(role));
  const [name, setName] = useState('');
  const [role, setRole] = useState<ApiKeyRole>(roles.includes('editor') ? 'editor' : (roles[0] ?? 'agent'));
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey>();

  const submit = async () => {
    if (name.trim() === '') {
      setError(t('common.required'));
      return;
    }
    setBusy(true);
    try {
      setCreated(await api.workspaces.createApiKey({ name: name.trim(), role }));
      onCreated();
    } catch (caught) {
      if (isApiError(caught) && caught.fieldError('name') !== undefined) setError(caught.fieldError('name'));
      else toast.show({ tone: 'error', ...describeError(caught, t) });
    } finally {
      setBusy(false);
    }
  };

  if (created !== undefined) {
    return (
      <Dialog
        title={t('settings.keys.createdTitle')}
        onClose={onClose}
        footer={
          <Button variant="primary" onClick={onClose}>
            {t('settings.keys.done')}
          </Button>
        }
      >
        <Callout tone="warning">{t('settings.keys.createdText')}</Callout>
        <CopyField label={t('settings.keys.key')} value={created.key} hint={t('settings.keys.usage')} />
      </Dialog>
    );
  }

  return (
    <Dialog
      title={t('settings.keys.createTitle')}
      onClose={onClose}
      dismissible={!busy}
      onSubmit={() => void submit()}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button variant="primary" type="submit" icon="key" loading={busy}>
            {t('settings.keys.submit')}
          </Button>
        </>
      }
    >
      <TextField
        label={t('settings.keys.name')}
        placeholder={t('settings.keys.namePlaceholder')}
        hint={t('settings.keys.nameHint')}
        autoFocus
        value={name}
        maxLength={200}
        error={error}
        onChange={(event) => {
          setName(event.target.value);
          setError(undefined);
        }}
      />
      <SelectField label={t('settings.keys.role')} hint={t(`settings.members.roleHelp.${role}`)} value={role} onChange={(event) => setRole(event.target.value as ApiKeyRole)}>
        {roles.map((option) => (
          <option key={option} value={option}>
            {roleLabel(t, option)}
          </option>
        ))}
      </SelectField>
    </Dialog>
  );
}
