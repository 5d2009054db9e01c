import { useState } from 'react';
import { useApi } from '../api/api-context.js';
import { isApiError } from '../api/api-error.js';
import type { CreatedInvitation, Role } from '../api/types.js';
import { roleLabel } from '../app/role-label.js';
import { looksLikeEmail } from '../auth/validation.js';
import { useI18n } from '../i18n/index.js';
import { Button } from '../ui/button.js';
import { CopyField } from '../ui/copy-field.js';
import { describeError } from '../ui/describe-error.js';
import { Dialog } from '../ui/dialog.js';
import { Callout } from '../ui/feedback.js';
import { SelectField, TextField } from '../ui/field.js';
import { useToast } from '../ui/toast.js';

/** The full accept link: the API gives it relative to this Jornada's address. */
export function invitationLink(acceptPath: string, origin = window.location.origin): string {
  return new URL(acceptPath, origin).toString();
}

/** Invite by email and role, then show the link to share (no email is sent yet). */
export function InviteDialog({ roles, onClose, onInvited }: { roles: readonly Role[]; onClose: () => void; onInvited: () => void }) {
  const { t, format } = useI18n();
  const api = useApi();
  const toast = useToast();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>(roles.includes('editor') ? 'editor' : (roles[roles.length - 1] ?? 'agent'));
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<CreatedInvitation>();

  const submit = async () => {
    if (!looksLikeEmail(email)) {
      setError(email.trim() === '' ? t('common.required') : t('auth.emailInvalid'));
      return;
    }
    setBusy(true);
    try {
      const invitation = await api.workspaces.invite({ email: email.trim(), role });
      setCreated(invitation);
      onInvited();
    } catch (caught) {
      if (isApiError(caught) && caught.status === 409) setError(caught.message);
      else if (isApiError(caught) && caught.fieldError('email') !== undefined) setError(t('auth.emailInvalid'));
      else toast.show({ tone: 'error', ...describeError(caught, t) });
    } finally {
      setBusy(false);
    }
  };

  if (created !== undefined) {
    return (
      <Dialog
        title={t('settings.invite.linkTitle', { email: created.email })}
        onClose={onClose}
        footer={
          <Button variant="primary" onClick={onClose}>
            {t('settings.invite.done')}
          </Button>
        }
      >
        <Callout tone="info">{t('settings.invite.linkText', { role: roleLabel(t, created.role), date: format.dateTime(created.expiresAt) })}</Callout>
        <CopyField label={t('settings.invite.link')} value={invitationLink(created.acceptPath)} />
      </Dialog>
    );
  }

  return (
    <Dialog
      title={t('settings.invite.title')}
      description={t('settings.invite.description')}
      onClose={onClose}
      dismissible={!busy}
      onSubmit={() => void submit()}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button variant="primary" type="submit" icon="mail" loading={busy}>
            {t('settings.invite.submit')}
          </Button>
        </>
      }
    >
      <TextField
        label={t('settings.invite.email')}
        type="email"
        autoFocus
        value={email}
        error={error}
        maxLength={320}
        onChange={(event) => {
          setEmail(event.target.value);
          setError(undefined);
        }}
      />
      <SelectField label={t('settings.invite.role')} hint={t(`settings.members.roleHelp.${role}`)} value={role} onChange={(event) => setRole(event.target.value as Role)}>
        {roles.map((option) => (
          <option key={option} value={option}>
            {roleLabel(t, option)}
          </option>
        ))}
      </SelectField>
    </Dialog>
  );
}
