// openDatabase on a real PostgreSQL: migrated on open, and the pool runs at most poolSize
// (DATABASE_POOL_SIZE) queries at once however many wait.
import { openDatabase } from '../../src/database/open-database.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

describe('openDatabase', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
  });
  afterAll(() => db.drop());

  it('migrates, and runs at most poolSize queries at once', async () => {
    let migrated: readonly string[] = [];
    const dataSource = await openDatabase({ url: db.url, poolSize: 5, onMigrated: (names) => (migrated = names) });
    try {
      expect(migrated.length).toBeGreaterThan(0);
      const sleeping = async () =>
        (
          await db.dataSource.query<{ n: number }[]>(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND query = 'SELECT pg_sleep(0.5)'`,
          )
        )[0]?.n ?? 0;
      const load = Promise.all(Array.from({ length: 12 }, () => dataSource.query(`SELECT pg_sleep(0.5)`)));
      let most = 0;
      for (let i = 0; i < 8; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        most = Math.max(most, await sleeping());
      }
      await load;
      expect(most).toBe(5);
    } finally {
      await dataSource.destroy();
    }
  });
});
