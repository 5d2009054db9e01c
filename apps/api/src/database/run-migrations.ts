import type { DataSource } from 'typeorm';

/** Any constant shared by every Jornada process: the key of the migration advisory lock. */
const MIGRATION_LOCK_KEY = 727_274_001;

/**
 * Applies pending migrations, each in its own transaction. Several processes may start at
 * once (N api + M workers): a PostgreSQL advisory lock lets one migrate while the others
 * wait, then find nothing left to do. Returns the names of the migrations applied.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await lock.release();
  }
}
