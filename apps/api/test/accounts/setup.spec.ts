// First run: GET/POST /api/auth/setup creates the first owner once, then 409.
import { createTestApp, type TestApp } from '../support/create-test-app.js';
import { call } from './account-kit.js';

describe('first-run setup', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await createTestApp();
  });
  afterAll(() => api.close());

  const owner = { email: 'ana@example.com', password: 'a long enough passphrase', name: 'Ana', workspaceName: 'Loja da Ana', timezone: 'America/Sao_Paulo', locale: 'pt-BR' };

  it('says setup is needed on an empty database', async () => {
    const response = await call(api, 'GET', '/api/auth/setup');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ needsSetup: true });
  });

  it('refuses bad input with 400 naming each field, creating nothing', async () => {
    const response = await call(api, 'POST', '/api/auth/setup', { body: { ...owner, email: 'nope', password: 'short', admin: true } });
    expect(response.status).toBe(400);
    const details = response.body.error.details as { field: string; message: string }[];
    expect(details.map((detail) => detail.field).sort()).toEqual(['admin', 'email', 'password']);
    expect(details.find((detail) => detail.field === 'password')?.message).toMatch(/at least 10 characters/);
    const common = await call(api, 'POST', '/api/auth/setup', { body: { ...owner, password: 'password123' } });
    expect(common.body.error.details).toEqual([{ field: 'password', message: expect.stringMatching(/commonly used/) }]);
    const zone = await call(api, 'POST', '/api/auth/setup', { body: { ...owner, timezone: 'Mars/Olympus', locale: 'fr' } });
    expect(zone.body.error.details.map((detail: { field: string }) => detail.field).sort()).toEqual(['locale', 'timezone']);
    expect((await call(api, 'GET', '/api/auth/setup')).body).toEqual({ needsSetup: true });
  });

  it('creates the first owner and their workspace, and signs them in', async () => {
    const response = await call(api, 'POST', '/api/auth/setup', { body: owner });
    expect(response.status).toBe(201);
    expect(response.headers.get('set-cookie')).toMatch(/^jornada_session=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Lax/);
    expect(response.body).toMatchObject({
      token: expect.any(String),
      user: { email: 'ana@example.com', name: 'Ana' },
      workspaces: [{ name: 'Loja da Ana', role: 'owner' }],
    });
    const workspace = await call(api, 'GET', '/api/workspace', { token: response.body.token as string });
    expect(workspace.body).toMatchObject({ name: 'Loja da Ana', timezone: 'America/Sao_Paulo', locale: 'pt-BR' });
  });

  it('is closed once an account exists: 409, and needsSetup false', async () => {
    const again = await call(api, 'POST', '/api/auth/setup', { body: { ...owner, email: 'mallory@example.com' } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_set_up');
    expect((await call(api, 'GET', '/api/auth/setup')).body).toEqual({ needsSetup: false });
    expect(await api.database.dataSource.query(`SELECT count(*)::int AS n FROM users`)).toEqual([{ n: 1 }]);
  });
});

describe('first-run setup with a seeded demo workspace', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await createTestApp();
  });
  afterAll(() => api.close());

  it('makes the first owner the owner of the memberless workspace instead of creating another', async () => {
    const db = api.database.dataSource;
    const [demo] = await db.query<{ id: string }[]>(`INSERT INTO workspaces (name, slug, timezone) VALUES ('Demo', 'demo', 'America/Sao_Paulo') RETURNING id`);
    const response = await call(api, 'POST', '/api/auth/setup', {
      body: { email: 'bia@example.com', password: 'a long enough passphrase', name: 'Bia', workspaceName: 'Loja da Bia' },
    });
    expect(response.status).toBe(201);
    expect(response.body.workspaces).toEqual([{ id: demo!.id, name: 'Loja da Bia', role: 'owner' }]);
    expect(response.body.currentWorkspaceId).toBe(demo!.id);
    const rows = await db.query<{ timezone: string }[]>(`SELECT timezone FROM workspaces`);
    expect(rows).toEqual([{ timezone: 'America/Sao_Paulo' }]);
  });
});

describe('first-run setup without a workspace name', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await createTestApp();
  });
  afterAll(() => api.close());

  it('adopts the waiting demo workspace under its own name (regression: workspaceName was required)', async () => {
    const db = api.database.dataSource;
    const [demo] = await db.query<{ id: string }[]>(`INSERT INTO workspaces (name, slug, timezone) VALUES ('Demo', 'demo', 'America/Sao_Paulo') RETURNING id`);
    const response = await call(api, 'POST', '/api/auth/setup', { body: { email: 'cris@example.com', password: 'a long enough passphrase', name: 'Cris' } });
    expect(response.status).toBe(201);
    expect(response.body.workspaces).toEqual([{ id: demo!.id, name: 'Demo', role: 'owner' }]);
  });
});
