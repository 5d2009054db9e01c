import { mkdtemp, rm } from 'node:fs/promises';
import Module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { EmbeddedPostgres } from '../../../../api/src/database/embedded/start-embedded-postgres.js';

declare global {
  // Handed from this global setup to its teardown; apart from the API project's own server.
  var __JORNADA_BUILDER_E2E_PG__: { server: EmbeddedPostgres; dataDir: string } | undefined;
  var __JORNADA_BUILDER_E2E_DIST__: string | undefined;
}

/**
 * Builds the builder once for every browser test (into a temporary folder, so apps/builder/dist
 * is left alone), then provides the database server. Nothing to do without Chromium: the tests
 * skip.
 */
export default async function globalSetup(): Promise<void> {
  const { hasChromium } = await importSources(() => import('./chromium.js'));
  if (!hasChromium()) return;
  const { buildBuilder, BUILDER_DIST_VARIABLE } = await importSources(() => import('./build-builder.js'));
  const dist = await mkdtemp(path.join(os.tmpdir(), 'jornada-builder-e2e-dist-'));
  buildBuilder(dist);
  globalThis.__JORNADA_BUILDER_E2E_DIST__ = dist;
  process.env[BUILDER_DIST_VARIABLE] = dist;
  await provideDatabaseServer();
}

/**
 * The database server the browser tests create their databases on: DATABASE_URL's, or the one
 * the API project's global setup already started in this run, or an embedded one of our own.
 */
async function provideDatabaseServer(): Promise<void> {
  const { TEST_SERVER_URL_VARIABLE } = await importSources(() => import('../../../../api/test/support/test-server.js'));
  const existing = process.env[TEST_SERVER_URL_VARIABLE] ?? process.env['DATABASE_URL'];
  if (existing !== undefined && existing !== '') {
    process.env[TEST_SERVER_URL_VARIABLE] = existing;
    return;
  }
  const { startEmbeddedPostgres } = await importSources(() => import('../../../../api/src/database/embedded/start-embedded-postgres.js'));
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'jornada-builder-e2e-pg-'));
  try {
    const server = await startEmbeddedPostgres({ dataDir, ephemeral: true });
    globalThis.__JORNADA_BUILDER_E2E_PG__ = { server, dataDir };
    process.env[TEST_SERVER_URL_VARIABLE] = server.serverUrl;
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

type ResolveFilename = (request: string, ...rest: unknown[]) => string;

/** Global setup runs outside Jest's module mapping: let `./x.js` imports find `./x.ts`. */
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
