import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { parseDatabaseUrl, readValue } from '../../config/parse-values.js';
import { createDataSourceOptions } from '../data-source-options.js';
import { startEmbeddedPostgres } from '../embedded/start-embedded-postgres.js';
import { runMigrations } from '../run-migrations.js';
import { createScratchDatabase } from '../scratch-database.js';

/**
 * Runs `use` with a DataSource on a new, empty database that has every migration applied:
 * on the server of DATABASE_URL when set (it needs CREATE DATABASE), else on a throw-away
 * embedded PostgreSQL. Everything is removed afterwards.
 */
export async function withMigratedScratchDatabase<T>(use: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const external = readValue(process.env, 'DATABASE_URL');
  let tempDir: string | undefined;
  let stopServer = (): Promise<void> => Promise.resolve();
  let serverUrl: string;
  if (external !== undefined) {
    serverUrl = parseDatabaseUrl(external);
  } else {
    tempDir = await mkdtemp(path.join(os.tmpdir(), 'jornada-schema-'));
    const embedded = await startEmbeddedPostgres({ dataDir: tempDir, ephemeral: true });
    serverUrl = embedded.serverUrl;
    stopServer = () => embedded.stop();
  }
  try {
    const scratch = await createScratchDatabase({ serverUrl, prefix: 'jornada_schema' });
    try {
      const dataSource = await new DataSource(createDataSourceOptions({ url: scratch.url, poolSize: 2 })).initialize();
      try {
        await runMigrations(dataSource);
        return await use(dataSource);
      } finally {
        await dataSource.destroy();
      }
    } finally {
      await scratch.drop();
    }
  } finally {
    await stopServer();
    if (tempDir !== undefined) await rm(tempDir, { recursive: true, force: true });
  }
}
