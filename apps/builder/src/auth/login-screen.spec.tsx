import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApiProvider } from '../api/api-context.js';
import { createAppServices } from '../app/app-services.js';
import { createTranslator, I18nProvider } from '../i18n/index.js';
import { ToastProvider } from '../ui/toast.js';
import { LoginScreen, rateLimitMessage } from './login-screen.js';
import { SessionProvider } from './session-provider.js';

type Reply = { status: number; body?: unknown; headers?: Record<string, string> };

/** The app's real providers over a scripted server: each request takes the next reply. */
function renderLogin(replies: Record<string, Reply[]>) {
  const requests: { path: string; body: unknown }[] = [];
  const fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    const path = new URL(String(input), 'http://local').pathname;
    requests.push({ path, body: init?.body === undefined || init.body === null ? undefined : JSON.parse(String(init.body)) });
    const reply = replies[path]?.shift() ?? { status: 500 };
    return Promise.resolve({
      ok: reply.status < 400,
      status: reply.status,
      headers: new Headers(reply.headers ?? {}),
      text: () => Promise.resolve(reply.body === undefined ? '' : JSON.stringify(reply.body)),
    } as Response);
  }) as typeof globalThis.fetch;
  const services = createAppServices({ fetch });
  render(
    <I18nProvider locale="en">
      <ApiProvider api={services.api}>
        <ToastProvider>
          <SessionProvider services={services}>
            <LoginScreen />
          </SessionProvider>
        </ToastProvider>
      </ApiProvider>
    </I18nProvider>,
  );
  return requests;
}

const unauthorized: Reply = { status: 401, body: { error: { status: 401, code: 'unauthorized', message: 'Sign in', requestId: 'r0' } } };
const signedOut = { '/api/auth/me': [unauthorized], '/api/auth/setup': [{ status: 200, body: { needsSetup: false } }] };

describe('LoginScreen', () => {
  it('checks the fields before calling the server', async () => {
    const requests = renderLogin(signedOut);
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'not-an-email' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Enter an email address such as ana@example.com.')).toBeTruthy();
    expect(screen.getByText('Required.')).toBeTruthy();
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBe('true');
    expect(requests.some((request) => request.path === '/api/auth/login')).toBe(false);
  });

  it('says the credentials do not match on 401', async () => {
    const requests = renderLogin({ ...signedOut, '/api/auth/login': [{ status: 401, body: { error: { status: 401, code: 'invalid_credentials', message: 'Wrong', requestId: 'r1' } } }] });
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: ' ana@example.com ' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'wrong password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('That email and password do not match an account.');
    expect(requests.find((request) => request.path === '/api/auth/login')?.body).toEqual({ email: 'ana@example.com', password: 'wrong password' });
  });

  it('shows the rate limit with its wait and disables the button on 429', async () => {
    renderLogin({
      ...signedOut,
      '/api/auth/login': [{ status: 429, headers: { 'retry-after': '900' }, body: { error: { status: 429, code: 'too_many_attempts', message: 'Too many', requestId: 'r2' } } }],
    });
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'ana@example.com' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Too many attempts. For your security, sign-in is paused for 15 minutes.');
    await waitFor(() => expect((screen.getByRole('button', { name: 'Sign in' }) as HTMLButtonElement).disabled).toBe(true));
  });
});

describe('rateLimitMessage', () => {
  it('speaks seconds, then minutes, in both languages', () => {
    expect(rateLimitMessage(createTranslator('en').t, 1)).toBe('Too many attempts. Wait 1 second and try again.');
    expect(rateLimitMessage(createTranslator('en').t, 45)).toBe('Too many attempts. Wait 45 seconds and try again.');
    expect(rateLimitMessage(createTranslator('pt-BR').t, 61)).toBe('Muitas tentativas. Aguarde 61 segundos e tente de novo.');
    expect(rateLimitMessage(createTranslator('pt-BR').t, 900)).toBe('Muitas tentativas. Por segurança, o acesso está pausado por 15 minutos.');
    expect(rateLimitMessage(createTranslator('en').t, 0)).toBe('Too many attempts. Wait a little and try again.');
  });
});
