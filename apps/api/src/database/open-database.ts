import { DataSource } from 'typeorm';
import { redactUrl } from '../config/parse-values.js';
import { StartupError } from '../startup-error.js';
import { createDataSourceOptions } from './data-source-options.js';
import { runMigrations } from './run-migrations.js';

/**
 * Connects to the database and applies pending migrations: what every process does before it
 * serves anything. An unreachable server or a failing migration is a StartupError that names
 * the database (password hidden).
 */
export async function openDatabase({
  url,
  poolSize,
  preparedStatements,
  onMigrated,
}: {
  url: string;
  /** Connections kept at most (DATABASE_POOL_SIZE); the driver's default of 10 when not given. */
  poolSize?: number;
  /** Repeated parameterised statements prepared per connection (DATABASE_PREPARED_STATEMENTS); on when not given. */
  preparedStatements?: boolean;
  onMigrated?: (names: readonly string[]) => void;
}): Promise<DataSource> {
  const dataSource = new DataSource(createDataSourceOptions({ url, ...(poolSize === undefined ? {} : { poolSize }), ...(preparedStatements === undefined ? {} : { preparedStatements }) }));
  try {
    await dataSource.initialize();
  } catch (error) {
    throw new StartupError(`Cannot connect to the database at ${redactUrl(url)}: ${describe(error)}`);
  }
  try {
    const applied = await runMigrations(dataSource);
    onMigrated?.(applied);
  } catch (error) {
    await dataSource.destroy().catch(() => undefined);
    throw new StartupError(`Database migration failed on ${redactUrl(url)}: ${describe(error)}`);
  }
  return dataSource;
}

function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describe(error.errors[0]);
  const { code, message } = error as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' && message !== '' ? message : String(error);
  return typeof code === 'string' && !text.includes(code) ? `${code} ${text}` : text;
}
