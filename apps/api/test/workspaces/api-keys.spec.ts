// Workspace API keys: shown once, stored hashed, act with their role in their workspace only,
// and stop working the moment they are revoked.
import { createTestApp, type TestApp } from '../support/create-test-app.js';
import { AccountKit, call, type Person } from '../accounts/account-kit.js';

describe('API keys', () => {
  let api: TestApp;
  let kit: AccountKit;
  let shop: string;
  let owner: Person;
  let admin: Person;
  let editor: Person;
  let agent: Person;

  beforeAll(async () => {
    api = await createTestApp();
    kit = await AccountKit.create(api.database.dataSource);
    shop = await kit.workspace('Loja');
    owner = await kit.person(shop, 'owner');
    admin = await kit.person(shop, 'admin');
    editor = await kit.person(shop, 'editor');
    agent = await kit.person(shop, 'agent');
  });
  afterAll(() => api.close());

  const createKey = (actor: Person, body: Record<string, unknown>): ReturnType<typeof call> => call(api, 'POST', '/api/api-keys', { token: actor.token, body });

  it('is for owners and admins: agents and editors get 403', async () => {
    const byAgent = await createKey(agent, { name: 'mine' });
    expect(byAgent.status).toBe(403);
    expect(byAgent.body.error.message).toBe('Your role (agent) does not allow api_keys.manage.');
    expect((await createKey(editor, { name: 'mine' })).status).toBe(403);
    expect((await call(api, 'GET', '/api/api-keys', { token: editor.token })).status).toBe(403);
  });

  it('shows the key once (default role editor) and lists keys without it', async () => {
    const created = await createKey(admin, { name: 'Shopify sync' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'Shopify sync',
      prefix: expect.stringMatching(/^[a-z2-9]{8}$/),
      role: 'editor',
      createdBy: admin.userId,
      createdAt: expect.any(String),
      lastUsedAt: null,
      key: expect.stringMatching(/^jrn_[a-z2-9]{8}_[A-Za-z0-9_-]{43}$/),
    });
    expect(created.body.key).toContain(created.body.prefix);
    const listed = await call(api, 'GET', '/api/api-keys', { token: owner.token });
    expect(listed.body.apiKeys).toContainEqual({ ...created.body, key: undefined, lastUsedAt: null });
    expect(JSON.stringify(listed.body)).not.toContain(created.body.key);
    const [row] = await api.database.dataSource.query<{ key_hash: string }[]>(`SELECT key_hash FROM api_keys WHERE id = $1`, [created.body.id]);
    expect(row!.key_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('never gives a key the owner role, nor more than its creator has', async () => {
    const owned = await createKey(owner, { name: 'root', role: 'owner' });
    expect(owned.status).toBe(400);
    expect(owned.body.error.details[0]).toEqual({ field: 'role', message: 'role must be one of: admin, editor, agent (an API key is never owner)' });
    expect((await createKey(admin, { name: 'ops', role: 'admin' })).status).toBe(201);
    expect((await createKey(admin, { name: '', extra: 1 })).body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['extra', 'name']);
  });

  it('authenticates as Bearer or X-Api-Key, with its role, in its workspace', async () => {
    const { key } = (await createKey(admin, { name: 'agent key', role: 'agent' })).body as { key: string };
    const asBearer = await call(api, 'GET', '/api/workspace', { token: key });
    expect(asBearer.status).toBe(200);
    expect(asBearer.body.id).toBe(shop);
    const asHeader = await fetch(`${api.url}/api/members`, { headers: { 'x-api-key': key } });
    expect(asHeader.status).toBe(200);
    // An agent key may not change settings nor manage keys.
    expect((await call(api, 'PATCH', '/api/workspace', { token: key, body: { name: 'x' } })).status).toBe(403);
    expect((await call(api, 'POST', '/api/api-keys', { token: key, body: { name: 'x' } })).status).toBe(403);
    // Keys act in their own workspace only, and are not people.
    expect((await call(api, 'GET', '/api/workspace', { token: key, workspaceId: await kit.workspace() })).status).toBe(404);
    const me = await call(api, 'GET', '/api/auth/me', { token: key });
    expect(me.status).toBe(403);
    expect(me.body.error.code).toBe('user_required');
    const [row] = await api.database.dataSource.query<{ last_used_at: Date | null }[]>(`SELECT last_used_at FROM api_keys WHERE prefix = $1`, [key.slice(4, 12)]);
    expect(row!.last_used_at).toBeInstanceOf(Date);
  });

  it('stops working at once when revoked, and leaves the list', async () => {
    const created = (await createKey(owner, { name: 'temporary' })).body as { id: string; key: string };
    expect((await call(api, 'GET', '/api/workspace', { token: created.key })).status).toBe(200);
    expect((await call(api, 'DELETE', `/api/api-keys/${created.id}`, { token: admin.token })).status).toBe(204);
    expect((await call(api, 'GET', '/api/workspace', { token: created.key })).status).toBe(401);
    expect((await fetch(`${api.url}/api/workspace`, { headers: { 'x-api-key': created.key } })).status).toBe(401);
    expect((await call(api, 'GET', '/api/api-keys', { token: admin.token })).body.apiKeys.map((k: { id: string }) => k.id)).not.toContain(created.id);
    expect((await call(api, 'DELETE', `/api/api-keys/${created.id}`, { token: admin.token })).status).toBe(404);
  });

  it('refuses malformed and made-up keys with 401', async () => {
    expect((await call(api, 'GET', '/api/workspace', { token: 'jrn_short' })).status).toBe(401);
    expect((await call(api, 'GET', '/api/workspace', { token: `jrn_abcdefgh_${'A'.repeat(43)}` })).status).toBe(401);
  });
});
