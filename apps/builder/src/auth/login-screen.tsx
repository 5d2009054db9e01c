import { useState, type FormEvent } from 'react';
import { useApi } from '../api/api-context.js';
import { isApiError } from '../api/api-error.js';
import { useT, type Translate } from '../i18n/index.js';
import { navigate, useSearchParam } from '../router/index.js';
import { Button } from '../ui/button.js';
import { describeError } from '../ui/describe-error.js';
import { Callout } from '../ui/feedback.js';
import { TextField } from '../ui/field.js';
import { AuthLayout } from './auth-layout.js';
import { hasErrors, validateLogin, type FieldErrors } from './auth-forms.js';
import { safeNextPath } from './next-path.js';
import { useSession } from './session-context.js';
import { useCountdown } from './use-countdown.js';

/** "Wait 37 seconds" under two minutes; whole minutes (rounded up) beyond. */
export function rateLimitMessage(t: Translate, seconds: number): string {
  if (seconds <= 0) return t('auth.login.tooManyNoTime');
  if (seconds < 120) return t('auth.login.tooMany', { count: seconds });
  return t('auth.login.tooManyMinutes', { count: Math.ceil(seconds / 60) });
}

type Problem = { kind: 'invalid' } | { kind: 'rate-limited'; until: number | undefined } | { kind: 'other'; message: string; detail?: string };

export function LoginScreen({ expired = false }: { expired?: boolean }) {
  const t = useT();
  const api = useApi();
  const session = useSession();
  const next = safeNextPath(useSearchParam('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors<'email' | 'password'>>({});
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const waitSeconds = useCountdown(problem?.kind === 'rate-limited' ? problem.until : undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateLogin({ email, password }, t);
    setErrors(found);
    if (hasErrors(found)) return;
    setBusy(true);
    setProblem(undefined);
    try {
      const account = await api.auth.login({ email: email.trim(), password });
      session.signedIn(account);
      navigate(next, { replace: true });
    } catch (error) {
      setBusy(false);
      if (isApiError(error) && error.status === 401) setProblem({ kind: 'invalid' });
      else if (isApiError(error) && error.status === 429)
        setProblem({ kind: 'rate-limited', until: error.retryAfterSeconds === undefined ? undefined : Date.now() + error.retryAfterSeconds * 1000 });
      else setProblem({ kind: 'other', ...describeError(error, t) });
    }
  };

  return (
    <AuthLayout title={t('auth.login.title')} subtitle={t('auth.login.subtitle')} note={t('auth.login.noAccount')}>
      <form className="auth__form" onSubmit={(event) => void submit(event)} noValidate>
        {expired && problem === undefined && <Callout tone="info">{t('auth.login.expired')}</Callout>}
        {problem?.kind === 'invalid' && (
          <Callout tone="danger" role="alert">
            {t('auth.login.invalid')}
          </Callout>
        )}
        {problem?.kind === 'rate-limited' && (
          <Callout tone="warning" role="alert">
            {rateLimitMessage(t, problem.until === undefined ? 0 : waitSeconds)}
          </Callout>
        )}
        {problem?.kind === 'other' && (
          <Callout tone="danger" role="alert">
            {problem.message}
          </Callout>
        )}
        <TextField
          label={t('auth.email')}
          type="email"
          autoComplete="username"
          autoFocus
          value={email}
          error={errors.email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <TextField
          label={t('auth.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          error={errors.password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <Button type="submit" variant="primary" size="lg" block loading={busy} disabled={problem?.kind === 'rate-limited' && waitSeconds > 0}>
          {t('auth.login.submit')}
        </Button>
      </form>
    </AuthLayout>
  );
}
