import type { DataSource } from 'typeorm';

export interface SchemaDiff {
  /** Statements that would bring the database to what the entities describe. */
  readonly up: readonly string[];
  /** Statements that would undo them, in order. */
  readonly down: readonly string[];
}

/**
 * What TypeORM would change to make the database match the entities, without changing it.
 * Run on a database that has every migration applied, an empty diff proves entities and
 * migrations agree; anything else is drift (an entity changed without a migration, or a
 * migration that does not match its entity).
 */
export async function findSchemaDiff(dataSource: DataSource): Promise<SchemaDiff> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  const render = (query: { query: string; parameters?: unknown[] }): string =>
    query.parameters !== undefined && query.parameters.length > 0
      ? `${query.query} -- parameters: ${JSON.stringify(query.parameters)}`
      : query.query;
  // TypeORM lists the reverse statements in the order of the forward ones; undo runs backwards.
  return { up: log.upQueries.map(render), down: log.downQueries.map(render).reverse() };
}
