// The demo workspace on first start: three published, lint-clean journeys and sample contacts,
// no members (the first owner adopts it), once only, and not at all with SEED_DEMO=false.
import { JOURNEY_TEMPLATES } from '@jornada/flow-engine';
import { DemoSeeder } from '../../src/seed/demo-seeder.js';
import { createTestApp, type TestApp } from '../support/create-test-app.js';
import { createTestDatabase } from '../support/test-database.js';
import { callerFor, HeaderAuthenticator } from '../flows/api-client.js';

describe('demo seed', () => {
  describe('on a fresh database with SEED_DEMO on', () => {
    let api: TestApp;
    beforeAll(async () => {
      api = await createTestApp({ authenticator: new HeaderAuthenticator(), env: { SEED_DEMO: 'true' } });
    });
    afterAll(() => api.close());

    it('creates the Demo workspace, without members', async () => {
      const workspaces = await api.database.dataSource.query<Record<string, unknown>[]>(`SELECT * FROM workspaces`);
      expect(workspaces).toEqual([
        expect.objectContaining({
          name: 'Demo',
          locale: 'pt-BR',
          timezone: 'America/Sao_Paulo',
          currency: 'BRL',
          country: 'BR',
          business_hours: {
            days: {
              mon: [{ start: '09:00', end: '18:00' }],
              tue: [{ start: '09:00', end: '18:00' }],
              wed: [{ start: '09:00', end: '18:00' }],
              thu: [{ start: '09:00', end: '18:00' }],
              fri: [{ start: '09:00', end: '18:00' }],
              sat: [{ start: '09:00', end: '13:00' }],
            },
          },
        }),
      ]);
      expect(await api.database.dataSource.query(`SELECT * FROM memberships`)).toEqual([]);
      expect(api.logs().some((line) => String(line['msg']).startsWith('Seeded the demo workspace'))).toBe(true);
    });

    it('publishes the three journey templates as version 1, lint-clean, and adds sample contacts', async () => {
      const [{ id: workspaceId }] = await api.database.dataSource.query<[{ id: string }]>(`SELECT id FROM workspaces`);
      const member = callerFor(api.url, { workspaceId, role: 'owner' });
      const flows = await member.request('GET', '/api/flows');
      expect(flows.body.items).toHaveLength(3);
      expect(flows.body.items.map((flow: { name: string }) => flow.name).sort()).toEqual(JOURNEY_TEMPLATES.map((template) => template.name['pt-BR']).sort());
      for (const item of flows.body.items as { id: string }[]) {
        const flow = await member.request('GET', `/api/flows/${item.id}`);
        expect(flow.body).toMatchObject({ status: 'published', currentVersion: 1, lastPublishedAt: expect.any(String) });
        expect(flow.body.issues.filter((issue: { severity: string }) => issue.severity === 'error')).toEqual([]);
        const versions = await member.request('GET', `/api/flows/${item.id}/versions`);
        expect(versions.body.items).toEqual([expect.objectContaining({ version: 1, publishedBy: null })]);
      }
      const contacts = await member.request('GET', '/api/contacts');
      expect(contacts.body.items.length).toBeGreaterThanOrEqual(3);
      const joao = await member.request('GET', '/api/contacts?search=joao');
      expect(joao.body.items).toEqual([expect.objectContaining({ name: 'João Pereira', phone: '+5521998765432' })]);
      expect((await member.request('GET', `/api/contacts/${joao.body.items[0].id as string}`)).body.identities).toEqual([
        expect.objectContaining({ channel: 'whatsapp', externalId: '+5521998765432' }),
      ]);
    });

    it('does nothing on a second start, nor when asked again', async () => {
      const again = await createTestApp({ database: api.database, env: { SEED_DEMO: 'true' } });
      try {
        expect(await again.app.get(DemoSeeder).seed()).toBeNull();
      } finally {
        await again.close();
      }
      const [counts] = await api.database.dataSource.query<[{ workspaces: string; flows: string; versions: string }]>(
        `SELECT (SELECT count(*) FROM workspaces) AS workspaces, (SELECT count(*) FROM flows) AS flows, (SELECT count(*) FROM flow_versions) AS versions`,
      );
      expect(counts).toEqual({ workspaces: '1', flows: '3', versions: '3' });
    });
  });

  it('seeds once when two processes start together on an empty database', async () => {
    const database = await createTestDatabase();
    const api = await createTestApp({ database, env: { SEED_DEMO: 'false' } });
    try {
      const seeder = api.app.get(DemoSeeder);
      const results = await Promise.all([seeder.seedIfEmpty(), seeder.seedIfEmpty(), seeder.seedIfEmpty()]);
      expect(results.filter((result) => result !== null)).toHaveLength(1);
      expect(await database.dataSource.query(`SELECT count(*)::int AS n FROM flows`)).toEqual([{ n: 3 }]);
    } finally {
      await api.close();
      await database.drop();
    }
  });

  it('hands the demo workspace to the first owner created from ADMIN_EMAIL in the same start', async () => {
    const api = await createTestApp({ env: { SEED_DEMO: 'true', ADMIN_EMAIL: 'owner@example.com', ADMIN_PASSWORD: 'a long enough password' } });
    try {
      const rows = await api.database.dataSource.query<{ name: string; role: string; email: string }[]>(
        `SELECT w.name, m.role, u.email FROM workspaces w JOIN memberships m ON m.workspace_id = w.id JOIN users u ON u.id = m.user_id`,
      );
      expect(rows).toEqual([{ name: 'Demo', role: 'owner', email: 'owner@example.com' }]);
      expect(await api.database.dataSource.query(`SELECT count(*)::int AS n FROM workspaces`)).toEqual([{ n: 1 }]);
    } finally {
      await api.close();
    }
  });

  it('creates nothing with SEED_DEMO=false', async () => {
    const api = await createTestApp({ env: { SEED_DEMO: 'false' } });
    try {
      expect(await api.database.dataSource.query(`SELECT count(*)::int AS n FROM workspaces`)).toEqual([{ n: 0 }]);
    } finally {
      await api.close();
    }
  });
});
