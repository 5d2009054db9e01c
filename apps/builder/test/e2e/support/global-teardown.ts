import { rm } from 'node:fs/promises';

export default async function globalTeardown(): Promise<void> {
  const embedded = globalThis.__JORNADA_BUILDER_E2E_PG__;
  if (embedded === undefined) return;
  globalThis.__JORNADA_BUILDER_E2E_PG__ = undefined;
  await embedded.server.stop();
  await rm(embedded.dataDir, { recursive: true, force: true });
}
