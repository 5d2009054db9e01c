// Login, sessions (cookie and bearer), me, logout, expiry. Real scrypt, real PostgreSQL.
import { SESSION_LIFETIME_MS } from '../../src/accounts/sessions/session-settings.js';
import { createTestApp, type TestApp } from '../support/create-test-app.js';
import { AccountKit, call, PASSWORD } from './account-kit.js';

describe('login and sessions', () => {
  let api: TestApp;
  let kit: AccountKit;
  let ana: { id: string; email: string };
  let shop: string;
  let second: string;

  beforeAll(async () => {
    api = await createTestApp();
    kit = await AccountKit.create(api.database.dataSource);
    ana = await kit.user({ email: 'Ana@Example.com', name: 'Ana' });
    shop = await kit.workspace('Loja da Ana');
    second = await kit.workspace('Outra loja');
    await kit.member(shop, ana.id, 'owner');
    await kit.member(second, ana.id, 'editor');
  });
  afterAll(() => api.close());

  const login = (body: unknown, headers: Record<string, string> = {}): Promise<Response> =>
    fetch(`${api.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('signs in (any email case): token, user, workspaces with roles, the current one, and the session cookie', async () => {
    const response = await login({ email: ' ana@EXAMPLE.com ', password: PASSWORD });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({
      token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      expiresAt: expect.any(String),
      user: { id: ana.id, email: 'Ana@Example.com', name: 'Ana', createdAt: expect.any(String) },
      workspaces: [
        { id: shop, name: 'Loja da Ana', role: 'owner' },
        { id: second, name: 'Outra loja', role: 'editor' },
      ],
      currentWorkspaceId: shop,
    });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toBe(`jornada_session=${String(body['token'])}; HttpOnly; SameSite=Lax; Path=/; Max-Age=${String(SESSION_LIFETIME_MS / 1000)}`);
    // Only the hash is stored.
    const rows = await api.database.dataSource.query<{ token_hash: string }[]>(`SELECT token_hash FROM auth_sessions WHERE user_id = $1`, [ana.id]);
    expect(rows.map((row) => row.token_hash)).not.toContain(body['token']);
  });

  it('marks the cookie Secure behind an HTTPS proxy', async () => {
    const response = await login({ email: ana.email, password: PASSWORD }, { 'x-forwarded-proto': 'https' });
    expect(response.headers.get('set-cookie')).toMatch(/; Secure$/);
  });

  it('answers a wrong password and an unknown email with the same 401', async () => {
    const wrong = await login({ email: ana.email, password: 'not the password at all' });
    const unknown = await login({ email: 'nobody@example.com', password: 'not the password at all' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const strip = async (response: Response): Promise<unknown> => {
      const { error } = (await response.json()) as { error: Record<string, unknown> };
      return { ...error, requestId: undefined };
    };
    expect(await strip(wrong)).toEqual(await strip(unknown));
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('names bad fields with 400', async () => {
    const response = await login({ email: 'not-an-email', password: PASSWORD, remember: true });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { details: { field: string }[] } };
    expect(error.details.map((detail) => detail.field).sort()).toEqual(['email', 'remember']);
  });

  it('starts the session in the workspace asked for, and refuses one that is not mine with 404', async () => {
    const chosen = await login({ email: ana.email, password: PASSWORD, workspaceId: second });
    expect(((await chosen.json()) as { currentWorkspaceId: string }).currentWorkspaceId).toBe(second);
    const foreign = await login({ email: ana.email, password: PASSWORD, workspaceId: await kit.workspace() });
    expect(foreign.status).toBe(404);
  });

  it('accepts the token as a bearer token and as the cookie', async () => {
    const { token } = (await (await login({ email: ana.email, password: PASSWORD })).json()) as { token: string };
    const asBearer = await call(api, 'GET', '/api/auth/me', { token });
    expect(asBearer.status).toBe(200);
    expect(asBearer.body).toMatchObject({ user: { id: ana.id }, workspaces: [{ id: shop }, { id: second }] });
    const asCookie = await fetch(`${api.url}/api/workspace`, { headers: { cookie: `jornada_session=${token}` } });
    expect(asCookie.status).toBe(200);
  });

  it('acts in X-Workspace-Id (with my role there) and remembers it as the session’s current workspace', async () => {
    const token = await kit.session(ana.id, { workspaceId: shop });
    expect((await call(api, 'GET', '/api/workspace', { token })).body).toMatchObject({ id: shop });
    // Editor in the second workspace: settings are for owners and admins.
    const denied = await call(api, 'PATCH', '/api/workspace', { token, workspaceId: second, body: { name: 'x' } });
    expect(denied.status).toBe(403);
    expect((await call(api, 'GET', '/api/workspace', { token })).body).toMatchObject({ id: second });
    expect((await call(api, 'GET', '/api/auth/me', { token })).body.currentWorkspaceId).toBe(second);
    // A new session starts where the user last worked.
    const next = await login({ email: ana.email, password: PASSWORD });
    expect(((await next.json()) as { currentWorkspaceId: string }).currentWorkspaceId).toBe(second);
  });

  it('reads my role in the session’s workspace with the session: a changed role or a removed membership counts at the next request', async () => {
    const bea = await kit.user({ email: 'bea@example.com', name: 'Bea' });
    await kit.member(shop, bea.id, 'admin');
    await kit.member(second, bea.id, 'agent');
    const token = await kit.session(bea.id, { workspaceId: shop });
    const db = api.database.dataSource;
    expect((await call(api, 'PATCH', '/api/workspace', { token, body: { name: 'Loja da Ana' } })).status).toBe(200);
    await db.query(`UPDATE memberships SET role = 'agent' WHERE workspace_id = $1 AND user_id = $2`, [shop, bea.id]);
    expect((await call(api, 'PATCH', '/api/workspace', { token, body: { name: 'Loja da Ana' } })).status).toBe(403);
    // The same with the header naming the current workspace.
    expect((await call(api, 'PATCH', '/api/workspace', { token, workspaceId: shop, body: { name: 'Loja da Ana' } })).status).toBe(403);
    await db.query(`DELETE FROM memberships WHERE workspace_id = $1 AND user_id = $2`, [shop, bea.id]);
    expect((await call(api, 'GET', '/api/workspace', { token, workspaceId: shop })).status).toBe(404);
    // Without the header: the session falls back to the workspace Bea still belongs to.
    expect((await call(api, 'GET', '/api/workspace', { token })).body).toMatchObject({ id: second });
  });

  it('refuses a malformed X-Workspace-Id with 400 naming the header', async () => {
    const token = await kit.session(ana.id);
    const response = await call(api, 'GET', '/api/workspace', { token, workspaceId: 'not-a-uuid' });
    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual([{ field: 'X-Workspace-Id', message: 'X-Workspace-Id must be a UUID' }]);
  });

  it('logs out: the session stops working at once and the cookie is cleared', async () => {
    const { token } = (await (await login({ email: ana.email, password: PASSWORD })).json()) as { token: string };
    const logout = await fetch(`${api.url}/api/auth/logout`, { method: 'POST', headers: { cookie: `jornada_session=${token}` } });
    expect(logout.status).toBe(204);
    expect(logout.headers.get('set-cookie')).toMatch(/^jornada_session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax; Path=\/; Max-Age=0$/);
    expect((await call(api, 'GET', '/api/auth/me', { token })).status).toBe(401);
    expect((await call(api, 'GET', '/api/workspace', { token })).status).toBe(401);
    // Logging out again, or without a session, is harmless.
    expect((await fetch(`${api.url}/api/auth/logout`, { method: 'POST' })).status).toBe(204);
  });

  it('refuses expired sessions, garbage tokens and other Authorization schemes with 401', async () => {
    const expired = await kit.session(ana.id, { expiresAt: new Date(Date.now() - 1000) });
    expect((await call(api, 'GET', '/api/workspace', { token: expired })).status).toBe(401);
    expect((await call(api, 'GET', '/api/auth/me', { token: expired })).status).toBe(401);
    expect((await call(api, 'GET', '/api/workspace', { token: 'x'.repeat(43) })).status).toBe(401);
    const basic = await fetch(`${api.url}/api/workspace`, { headers: { authorization: 'Basic YW5hOnB3' } });
    expect(basic.status).toBe(401);
  });

  it('answers each of many requests arriving together with its own session (the look-ups share statements)', async () => {
    const bia = await kit.user({ name: 'Bia' });
    await kit.member(second, bia.id, 'agent');
    const anaToken = await kit.session(ana.id);
    const biaToken = await kit.session(bia.id);
    const expired = await kit.session(bia.id, { expiresAt: new Date(Date.now() - 1000) });
    const asks = Array.from({ length: 40 }, (_, n) => [anaToken, biaToken, expired, 'y'.repeat(43)][n % 4] as string);
    const answers = await Promise.all(asks.map((token) => call(api, 'GET', '/api/auth/me', { token })));
    answers.forEach((answer, n) => {
      if (n % 4 === 0) expect(answer.body).toMatchObject({ user: { id: ana.id }, currentWorkspaceId: shop });
      else if (n % 4 === 1) expect(answer.body).toMatchObject({ user: { id: bia.id }, currentWorkspaceId: second });
      else expect(answer.status).toBe(401);
    });
  });

  it('slides the expiry on use (written at most every few minutes) and refreshes the cookie', async () => {
    const token = await kit.session(ana.id, { expiresAt: new Date(Date.now() + 60_000) });
    const db = api.database.dataSource;
    const fresh = await fetch(`${api.url}/api/workspace`, { headers: { cookie: `jornada_session=${token}` } });
    expect(fresh.headers.get('set-cookie')).toBeNull(); // used a moment ago: no write
    await db.query(`UPDATE auth_sessions SET last_used_at = now() - interval '1 hour' WHERE user_id = $1 AND expires_at < now() + interval '2 minutes'`, [ana.id]);
    const stale = await fetch(`${api.url}/api/workspace`, { headers: { cookie: `jornada_session=${token}` } });
    expect(stale.status).toBe(200);
    expect(stale.headers.get('set-cookie')).toMatch(/^jornada_session=.*Max-Age=2592000/);
    const [row] = await db.query<{ expires_at: Date }[]>(`SELECT expires_at FROM auth_sessions WHERE user_id = $1 ORDER BY last_used_at DESC LIMIT 1`, [ana.id]);
    expect(row!.expires_at.getTime()).toBeGreaterThan(Date.now() + SESSION_LIFETIME_MS - 60_000);
  });

  it('me: 401 without a session; a signed-in person without workspaces still gets in', async () => {
    expect((await call(api, 'GET', '/api/auth/me')).status).toBe(401);
    const loner = await kit.user({ name: 'Loner' });
    const token = await kit.session(loner.id);
    expect((await call(api, 'GET', '/api/auth/me', { token })).body).toMatchObject({ user: { id: loner.id }, workspaces: [], currentWorkspaceId: null });
    const noWorkspace = await call(api, 'GET', '/api/workspace', { token });
    expect(noWorkspace.status).toBe(403);
    expect(noWorkspace.body.error.code).toBe('no_workspace');
    // …and can create one, becoming its owner.
    const created = await call(api, 'POST', '/api/workspaces', { token, body: { name: 'Minha loja', timezone: 'america/sao_paulo', locale: 'pt-BR' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Minha loja', role: 'owner', timezone: 'America/Sao_Paulo', locale: 'pt-BR', currency: 'USD' });
    expect((await call(api, 'GET', '/api/workspace', { token })).body.id).toBe(created.body.id);
  });
});
