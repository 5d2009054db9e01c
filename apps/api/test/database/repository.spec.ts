// A feature module gets TypeORM repositories of the app's DataSource (forFeature +
// @InjectRepository), reading what the test seeded through its own connection.
import { Workspace } from '../../src/database/entities/index.js';
import { createTestApp, type TestApp } from '../support/create-test-app.js';
import { ProbeModule } from '../support/probe.module.js';

describe('repositories in feature modules', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await createTestApp({ modules: [ProbeModule] });
  });
  afterAll(() => api.close());

  it('reads and writes through the entities, with snake_case columns and defaults', async () => {
    await api.database.dataSource.getRepository(Workspace).save([
      { name: 'Loja B', slug: 'loja-b', businessHours: { mon: [['09:00', '18:00']] } },
      { name: 'Loja A', slug: 'loja-a', country: 'BR' },
    ]);
    const response = await fetch(`${api.url}/api/probe/workspaces`);
    expect(await response.json()).toEqual({ slugs: ['loja-a', 'loja-b'] });

    const [row] = await api.database.dataSource.query<Record<string, unknown>[]>(`SELECT * FROM workspaces WHERE slug = 'loja-b'`);
    expect(row).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      timezone: 'UTC',
      locale: 'en',
      currency: 'USD',
      country: null,
      business_hours: { mon: [['09:00', '18:00']] },
      created_at: expect.any(Date),
    });
  });
});
