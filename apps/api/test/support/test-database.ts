import { DataSource } from 'typeorm';
import { createDataSourceOptions } from '../../src/database/data-source-options.js';
import { runMigrations } from '../../src/database/run-migrations.js';
import { createScratchDatabase } from '../../src/database/scratch-database.js';
import { testServerUrl } from './test-server.js';

export interface TestDatabase {
  /** Name of the database (jornada_test_<random>). */
  readonly name: string;
  /** DATABASE_URL of this database: give it to createTestApp() or a child process. */
  readonly url: string;
  /** Connected to this database; migrated unless `migrate: false` was asked for. */
  readonly dataSource: DataSource;
  /** Closes the connections and drops the database. */
  drop(): Promise<void>;
}

/**
 * A fresh database for one test file, on the run's test server (DATABASE_URL's server, or
 * the embedded one of the global setup), with every migration applied:
 *
 *   let db: TestDatabase;
 *   beforeAll(async () => { db = await createTestDatabase(); });
 *   afterAll(() => db.drop());
 */
export async function createTestDatabase({ migrate = true }: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const scratch = await createScratchDatabase({ serverUrl: testServerUrl(), prefix: 'jornada_test' });
  try {
    const dataSource = await new DataSource(createDataSourceOptions({ url: scratch.url, poolSize: 4 })).initialize();
    if (migrate) await runMigrations(dataSource);
    return {
      name: scratch.name,
      url: scratch.url,
      dataSource,
      drop: async () => {
        if (dataSource.isInitialized) await dataSource.destroy();
        await scratch.drop();
      },
    };
  } catch (error) {
    await scratch.drop();
    throw error;
  }
}
