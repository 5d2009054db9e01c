import { mkdtemp, rm } from 'node:fs/promises';
import Module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { EmbeddedPostgres } from '../../src/database/embedded/start-embedded-postgres.js';

declare global {
  // Handed from global setup to global teardown (same process).
  var __JORNADA_EMBEDDED_TEST_SERVER__: { server: EmbeddedPostgres; dataDir: string } | undefined;
}

/**
 * With DATABASE_URL (CI, a developer's PostgreSQL), tests create their databases on that
 * server. Without it, one throw-away embedded PostgreSQL serves the whole run (~1 s to start).
 */
export default async function globalSetup(): Promise<void> {
  const { TEST_SERVER_URL_VARIABLE } = await importSources(() => import('./test-server.js'));
  const external = process.env['DATABASE_URL'];
  if (external !== undefined && external !== '') {
    process.env[TEST_SERVER_URL_VARIABLE] = external;
    return;
  }
  const { startEmbeddedPostgres } = await importSources(() => import('../../src/database/embedded/start-embedded-postgres.js'));
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'jornada-test-pg-'));
  let server: EmbeddedPostgres;
  try {
    server = await startEmbeddedPostgres({ dataDir, ephemeral: true });
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  globalThis.__JORNADA_EMBEDDED_TEST_SERVER__ = { server, dataDir };
  process.env[TEST_SERVER_URL_VARIABLE] = server.serverUrl;
}

type ResolveFilename = (request: string, ...rest: unknown[]) => string;

/**
 * Global setup runs outside Jest's module system, where the sources' `./x.js` imports (the
 * nodenext convention; moduleNameMapper handles them in tests) do not find `./x.ts`. For the
 * duration of `load`, a relative `.js` import that does not exist falls back to `.ts`.
 */
async function importSources<T>(load: () => Promise<T>): Promise<T> {
  const loader = Module as unknown as { _resolveFilename: ResolveFilename };
  const original = loader._resolveFilename;
  loader._resolveFilename = function resolveTs(this: unknown, request: string, ...rest: unknown[]): string {
    try {
      return original.call(this, request, ...rest);
    } catch (error) {
      if (!request.startsWith('.') || !request.endsWith('.js')) throw error;
      return original.call(this, `${request.slice(0, -3)}.ts`, ...rest);
    }
  };
  try {
    return await load();
  } finally {
    loader._resolveFilename = original;
  }
}
