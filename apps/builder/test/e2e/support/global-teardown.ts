import { rm } from 'node:fs/promises';

export default async function globalTeardown(): Promise<void> {
  const dist = globalThis.__JORNADA_BUILDER_E2E_DIST__;
  if (dist !== undefined) {
    globalThis.__JORNADA_BUILDER_E2E_DIST__ = undefined;
    await rm(dist, { recursive: true, force: true });
  }
  const embedded = globalThis.__JORNADA_BUILDER_E2E_PG__;
  if (embedded === undefined) return;
  globalThis.__JORNADA_BUILDER_E2E_PG__ = undefined;
  await embedded.server.stop();
  await rm(embedded.dataDir, { recursive: true, force: true });
}
