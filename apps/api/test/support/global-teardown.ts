import { rm } from 'node:fs/promises';

export default async function globalTeardown(): Promise<void> {
  const embedded = globalThis.__JORNADA_EMBEDDED_TEST_SERVER__;
  if (embedded === undefined) return;
  globalThis.__JORNADA_EMBEDDED_TEST_SERVER__ = undefined;
  await embedded.server.stop();
  await rm(embedded.dataDir, { recursive: true, force: true });
}
