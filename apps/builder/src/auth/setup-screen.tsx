import { useState, type FormEvent } from 'react';
import { useApi } from '../api/api-context.js';
import { isApiError } from '../api/api-error.js';
import { useI18n } from '../i18n/index.js';
import { Link, navigate } from '../router/index.js';
import { Button } from '../ui/button.js';
import { describeError } from '../ui/describe-error.js';
import { Callout } from '../ui/feedback.js';
import { TextField } from '../ui/field.js';
import { browserTimeZone } from '../ui/time-zones.js';
import { useToast } from '../ui/toast.js';
import { AuthLayout } from './auth-layout.js';
import { hasErrors, validateNewAccount, type FieldErrors } from './auth-forms.js';
import { useSession } from './session-context.js';

/** First run: the server has no account yet, and the first one becomes the owner. */
export function SetupScreen() {
  const { t, locale } = useI18n();
  const api = useApi();
  const toast = useToast();
  const session = useSession();
  const [form, setForm] = useState({ name: '', email: '', password: '', workspaceName: '' });
  const [errors, setErrors] = useState<FieldErrors<'name' | 'email' | 'password' | 'workspaceName'>>({});
  const [problem, setProblem] = useState<{ message: string; alreadySetUp: boolean }>();
  const [busy, setBusy] = useState(false);
  const update = (field: keyof typeof form) => (event: { target: { value: string } }) => setForm((current) => ({ ...current, [field]: event.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateNewAccount(form, t);
    setErrors(found);
    if (hasErrors(found)) return;
    setBusy(true);
    setProblem(undefined);
    try {
      const workspaceName = form.workspaceName.trim();
      const account = await api.auth.setup({
        name: form.name.trim(),
        email: form.email.trim(),
        password: form.password,
        timezone: browserTimeZone(),
        locale,
        ...(workspaceName === '' ? {} : { workspaceName }),
      });
      session.signedIn(account);
      toast.show({ tone: 'success', message: t('auth.setup.welcome', { name: account.user.name }) });
      navigate('/', { replace: true });
    } catch (error) {
      setBusy(false);
      if (isApiError(error) && error.code === 'already_set_up') setProblem({ message: t('auth.setup.alreadyDone'), alreadySetUp: true });
      else if (isApiError(error) && error.fieldError('password') !== undefined) setErrors({ password: t('auth.passwordRejected') });
      else if (isApiError(error) && error.fieldError('email') !== undefined) setErrors({ email: t('auth.emailInvalid') });
      else setProblem({ message: describeError(error, t).message, alreadySetUp: false });
    }
  };

  return (
    <AuthLayout title={t('auth.setup.title')} subtitle={t('auth.setup.subtitle')}>
      <form className="auth__form" onSubmit={(event) => void submit(event)} noValidate>
        {problem !== undefined && (
          <Callout tone={problem.alreadySetUp ? 'info' : 'danger'} role="alert">
            {problem.message}{' '}
            {problem.alreadySetUp && (
              <Link to="/login" onClick={() => session.retry()}>
                {t('auth.backToSignIn')}
              </Link>
            )}
          </Callout>
        )}
        <TextField label={t('auth.name')} autoComplete="name" autoFocus value={form.name} error={errors.name} maxLength={200} onChange={update('name')} />
        <TextField label={t('auth.email')} type="email" autoComplete="email" value={form.email} error={errors.email} maxLength={320} onChange={update('email')} />
        <TextField
          label={t('auth.password')}
          type="password"
          autoComplete="new-password"
          value={form.password}
          error={errors.password}
          hint={t('auth.passwordHint')}
          onChange={update('password')}
        />
        <TextField
          label={t('auth.setup.workspaceName')}
          optionalLabel={t('common.optional')}
          value={form.workspaceName}
          maxLength={200}
          hint={t('auth.setup.workspaceHint')}
          onChange={update('workspaceName')}
        />
        <Button type="submit" variant="primary" size="lg" block loading={busy}>
          {t('auth.setup.submit')}
        </Button>
      </form>
    </AuthLayout>
  );
}
