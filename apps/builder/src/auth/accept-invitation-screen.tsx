import { useMemo, useState, type FormEvent } from 'react';
import { useApi } from '../api/api-context.js';
import { isApiError } from '../api/api-error.js';
import { roleLabel } from '../app/role-label.js';
import { useT, type Translate } from '../i18n/index.js';
import { Link, navigate, useLocation } from '../router/index.js';
import { Button } from '../ui/button.js';
import { describeError } from '../ui/describe-error.js';
import { Callout } from '../ui/feedback.js';
import { TextField } from '../ui/field.js';
import { useToast } from '../ui/toast.js';
import { AuthLayout } from './auth-layout.js';
import { hasErrors, validateNewAccount, type FieldErrors } from './auth-forms.js';
import { useSession } from './session-context.js';

/** The token of `/accept-invitation#token=…` (kept in the fragment, so no server log sees it). */
export function invitationToken(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token')?.trim() ?? '';
}

function invitationProblem(error: unknown, t: Translate): string {
  if (!isApiError(error)) return describeError(error, t).message;
  switch (error.code) {
    case 'invitation_not_found':
      return t('auth.invite.unknown');
    case 'invitation_used':
      return t('auth.invite.used');
    case 'invitation_expired':
    case 'invitation_revoked':
      return t('auth.invite.gone');
    case 'invitation_email_mismatch':
      return t('auth.invite.otherEmail');
    case 'sign_in_to_accept':
      return t('auth.invite.signInFirst');
    case 'already_member':
      return t('auth.invite.alreadyMember');
    default:
      return describeError(error, t).message;
  }
}

/**
 * Accepting an invitation link. Signed out: name and password create the account. Signed in:
 * one button joins with the current account (the invitation must be for its email).
 */
export function AcceptInvitationScreen() {
  const t = useT();
  const api = useApi();
  const toast = useToast();
  const session = useSession();
  const { hash } = useLocation();
  const token = useMemo(() => invitationToken(hash), [hash]);
  const signedIn = session.state.status === 'signed-in' ? session.state.account : null;
  const [form, setForm] = useState({ name: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors<'name' | 'password'>>({});
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (signedIn === null) {
      const found = validateNewAccount(form, t);
      setErrors(found);
      if (hasErrors(found)) return;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      const accepted = await api.auth.acceptInvitation(signedIn === null ? { token, name: form.name.trim(), password: form.password } : { token });
      // Join, then act in the new workspace.
      session.signedIn(await api.auth.me(accepted.workspace.id));
      toast.show({ tone: 'success', message: t('auth.invite.joined', { name: accepted.workspace.name, role: roleLabel(t, accepted.workspace.role) }) });
      navigate('/', { replace: true });
    } catch (error) {
      setBusy(false);
      if (isApiError(error) && error.fieldError('password') !== undefined) setErrors({ password: t('auth.passwordRejected') });
      else setProblem(invitationProblem(error, t));
    }
  };

  if (token === '') {
    return (
      <AuthLayout title={t('auth.invite.title')}>
        <div className="auth__form">
          <Callout tone="danger">{t('auth.invite.missingToken')}</Callout>
          <Link to="/">{t('auth.backToSignIn')}</Link>
        </div>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout
      title={t('auth.invite.title')}
      subtitle={signedIn === null ? t('auth.invite.subtitle') : t('auth.invite.signedInSubtitle', { email: signedIn.user.email })}
      note={signedIn === null ? t('auth.invite.haveAccount') : undefined}
    >
      <form className="auth__form" onSubmit={(event) => void submit(event)} noValidate>
        {problem !== undefined && (
          <Callout tone="danger" role="alert">
            {problem}
          </Callout>
        )}
        {signedIn === null && (
          <>
            <TextField
              label={t('auth.name')}
              autoComplete="name"
              autoFocus
              value={form.name}
              maxLength={200}
              error={errors.name}
              onChange={(event) => setForm((current) => ({ ...current, name: event.target.value }))}
            />
            <TextField
              label={t('auth.password')}
              type="password"
              autoComplete="new-password"
              value={form.password}
              error={errors.password}
              hint={t('auth.passwordHint')}
              onChange={(event) => setForm((current) => ({ ...current, password: event.target.value }))}
            />
          </>
        )}
        <Button type="submit" variant="primary" size="lg" block loading={busy}>
          {t('auth.invite.submit')}
        </Button>
      </form>
    </AuthLayout>
  );
}
