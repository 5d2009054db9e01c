import { act, render, screen } from '@testing-library/react';
import { ApiProvider } from '../api/api-context.js';
import { SessionProvider } from '../auth/session-provider.js';
import { I18nProvider } from '../i18n/index.js';
import { navigate } from '../router/index.js';
import { ToastProvider } from '../ui/toast.js';
import { App } from './app.js';
import { createAppServices } from './app-services.js';

type Reply = { status: number; body?: unknown };
type Route = (method: string, path: string) => Reply | undefined;

/** The whole app over a scripted server. */
function renderApp(route: Route) {
  const fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://local');
    const reply = route(init?.method ?? 'GET', url.pathname) ?? { status: 404, body: { error: { status: 404, code: 'not_found', message: 'No route', requestId: 'r' } } };
    return Promise.resolve({
      ok: reply.status < 400,
      status: reply.status,
      headers: new Headers(),
      text: () => Promise.resolve(reply.body === undefined ? '' : JSON.stringify(reply.body)),
    } as Response);
  }) as typeof globalThis.fetch;
  const services = createAppServices({ fetch });
  render(
    <I18nProvider locale="en">
      <ApiProvider api={services.api}>
        <ToastProvider>
          <SessionProvider services={services}>
            <App />
          </SessionProvider>
        </ToastProvider>
      </ApiProvider>
    </I18nProvider>,
  );
}

const unauthorized: Reply = { status: 401, body: { error: { status: 401, code: 'unauthorized', message: 'Sign in', requestId: 'r' } } };
const account = (role: string) => ({
  status: 200,
  body: { user: { id: 'u1', email: 'ana@example.com', name: 'Ana Souza', createdAt: '2026-11-01T00:00:00Z' }, workspaces: [{ id: 'w1', name: 'Loja', role }], currentWorkspaceId: 'w1' },
});

describe('App', () => {
  beforeEach(() => window.history.replaceState(null, '', '/'));

  it('sends a fresh installation to the first-run sign-up', async () => {
    renderApp((_method, path) => (path === '/api/auth/me' ? unauthorized : path === '/api/auth/setup' ? { status: 200, body: { needsSetup: true } } : undefined));
    expect(await screen.findByRole('heading', { name: 'Set up Jornada' })).toBeTruthy();
    expect(window.location.pathname).toBe('/setup');
  });

  it('keeps the page asked for when sending someone signed out to sign in', async () => {
    window.history.replaceState(null, '', '/flows/42/versions');
    renderApp((_method, path) => (path === '/api/auth/me' ? unauthorized : path === '/api/auth/setup' ? { status: 200, body: { needsSetup: false } } : undefined));
    expect(await screen.findByRole('heading', { name: 'Sign in to Jornada' })).toBeTruthy();
    expect(`${window.location.pathname}${window.location.search}`).toBe('/login?next=%2Fflows%2F42%2Fversions');
  });

  it('shows an agent no flows: settings is home, a flow link says it is not for their role', async () => {
    renderApp((_method, path) => (path === '/api/auth/me' ? account('agent') : undefined));
    expect(await screen.findByRole('heading', { name: 'Settings' })).toBeTruthy();
    expect(window.location.pathname).toBe('/settings/preferences');
    expect(screen.queryByRole('link', { name: 'Flows' })).toBeNull();
    expect(screen.getAllByRole('link').some((link) => link.textContent === 'Members')).toBe(false);
    act(() => navigate('/flows'));
    expect(await screen.findByRole('heading', { name: 'Not available for your role' })).toBeTruthy();
  });

  it('goes to sign-in, saying why, when the session ends while working', async () => {
    window.history.replaceState(null, '', '/flows');
    renderApp((_method, path) => (path === '/api/auth/me' ? account('owner') : path === '/api/flows' ? unauthorized : undefined));
    expect(await screen.findByText('Your session ended. Sign in again to continue where you were.')).toBeTruthy();
    expect(`${window.location.pathname}${window.location.search}`).toBe('/login?next=%2Fflows');
  });
});
