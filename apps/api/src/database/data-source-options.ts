import { preparingClient } from './prepared-statements.js';
import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities/index.js';
import { MIGRATIONS } from './migrations/index.js';
import { JornadaNamingStrategy } from './naming-strategy.js';

/** The table TypeORM records applied migrations in. */
export const MIGRATIONS_TABLE = 'migrations';

/**
 * TypeORM settings for every DataSource of the app (server, CLI, tests): the pg driver,
 * explicit entity and migration lists (no globbing: the same lists work from src and dist),
 * never `synchronize`; migrations run at start through runMigrations().
 */
export function createDataSourceOptions({ url, poolSize = 10, preparedStatements = true }: { url: string; poolSize?: number; preparedStatements?: boolean }): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    applicationName: 'jornada',
    entities: [...ENTITIES],
    migrations: [...MIGRATIONS],
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsRun: false,
    synchronize: false,
    namingStrategy: new JornadaNamingStrategy(),
    // gen_random_uuid() is built into PostgreSQL 13+; extensions come from migrations only.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    connectTimeoutMS: 5000,
    // A dead database must fail a request (and the health check) quickly, not hang it.
    extra: {
      max: poolSize,
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30_000,
      // Repeated parameterised statements are prepared once per connection (DATABASE_PREPARED_STATEMENTS).
      ...(preparedStatements ? { Client: preparingClient() } : {}),
    },
    logging: false,
  };
}
