// ADMIN_EMAIL/ADMIN_PASSWORD create the first owner at start, once; and the first-owner use case
// that the demo seed calls gives the same result whichever runs first.
import { BootstrapFirstOwnerUseCase } from '../../src/accounts/setup/bootstrap-first-owner.use-case.js';
import { createTestApp, type TestApp } from '../support/create-test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { call } from './account-kit.js';

const ADMIN = { ADMIN_EMAIL: 'admin@example.com', ADMIN_PASSWORD: 'first admin passphrase' };

async function signIn(api: TestApp, password: string): Promise<number> {
  return (await call(api, 'POST', '/api/auth/login', { body: { email: ADMIN.ADMIN_EMAIL, password } })).status;
}

describe('ADMIN_EMAIL at start', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('creates the first owner on an empty database, in a new workspace', async () => {
    const api = await createTestApp({ database: db, env: ADMIN });
    try {
      expect((await call(api, 'GET', '/api/auth/setup')).body).toEqual({ needsSetup: false });
      const login = await call(api, 'POST', '/api/auth/login', { body: { email: ADMIN.ADMIN_EMAIL, password: ADMIN.ADMIN_PASSWORD } });
      expect(login.status).toBe(200);
      expect(login.body).toMatchObject({ user: { email: 'admin@example.com', name: 'admin' }, workspaces: [{ name: 'My workspace', role: 'owner' }] });
    } finally {
      await api.close();
    }
  });

  it('is idempotent: a restart, even with another ADMIN_PASSWORD, changes nothing', async () => {
    const api = await createTestApp({ database: db, env: { ...ADMIN, ADMIN_PASSWORD: 'a different passphrase' } });
    try {
      expect(await signIn(api, ADMIN.ADMIN_PASSWORD)).toBe(200);
      expect(await signIn(api, 'a different passphrase')).toBe(401);
      const counts = await db.dataSource.query<{ users: string; workspaces: string }[]>(
        `SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM workspaces) AS workspaces`,
      );
      expect(counts).toEqual([{ users: '1', workspaces: '1' }]);
    } finally {
      await api.close();
    }
  });
});

describe('BootstrapFirstOwnerUseCase (for the demo seed)', () => {
  let api: TestApp;
  let bootstrap: BootstrapFirstOwnerUseCase;
  const owner = { email: 'owner@example.com', password: 'owner passphrase here', name: 'Owner' };

  beforeEach(async () => {
    api = await createTestApp();
    bootstrap = api.app.get(BootstrapFirstOwnerUseCase);
  });
  afterEach(() => api.close());

  const insertDemo = async (): Promise<string> =>
    (await api.database.dataSource.query<{ id: string }[]>(`INSERT INTO workspaces (name, slug) VALUES ('Demo', 'demo') RETURNING id`))[0]!.id;
  const membershipsOf = (workspaceId: string): Promise<{ role: string }[]> =>
    api.database.dataSource.query(`SELECT role FROM memberships WHERE workspace_id = $1`, [workspaceId]);

  it('seed first, owner second: the owner adopts the demo workspace', async () => {
    const demo = await insertDemo();
    expect(await bootstrap.adoptOrphanWorkspace(demo)).toEqual({ adopted: false });
    const result = await bootstrap.execute({ ...owner, withoutWorkspaceToAdopt: 'await_adoption' });
    expect(result).toMatchObject({ status: 'created', workspaceId: demo, adoptedWorkspace: true });
    expect(await membershipsOf(demo)).toEqual([{ role: 'owner' }]);
  });

  it('owner first, seed second: the seed hands the demo workspace over', async () => {
    const result = await bootstrap.execute({ ...owner, withoutWorkspaceToAdopt: 'await_adoption' });
    expect(result).toMatchObject({ status: 'created', workspaceId: null });
    const demo = await insertDemo();
    expect(await bootstrap.adoptOrphanWorkspace(demo)).toEqual({ adopted: true, ownerUserId: result.status === 'created' ? result.user.id : '' });
    expect(await membershipsOf(demo)).toEqual([{ role: 'owner' }]);
    // Only memberless workspaces are handed over, once.
    expect(await bootstrap.adoptOrphanWorkspace(demo)).toEqual({ adopted: false });
  });

  it('creates one first owner when two start-ups race', async () => {
    const results = await Promise.all([bootstrap.execute(owner), bootstrap.execute({ ...owner, email: 'other@example.com' })]);
    expect(results.map((result) => result.status).sort()).toEqual(['already_set_up', 'created']);
    expect(await api.database.dataSource.query(`SELECT count(*)::int AS n FROM users`)).toEqual([{ n: 1 }]);
  });
});
