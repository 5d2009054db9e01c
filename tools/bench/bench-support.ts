// Shared by the benchmark runners: the machine line, the docs section writer, and a PostgreSQL
// server to run on.
import { mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

export function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${String(cpus().length)} × ${cpu}, ${String(Math.round(totalmem() / 2 ** 30))} GiB, Node ${process.version}, ${process.platform}`;
}

/** Replaces the text between `<!-- bench:<name>:begin -->` and its end marker (appends the section when absent). */
export function replaceSection(doc: string, name: string, body: string): string {
  const begin = `<!-- bench:${name}:begin -->`;
  const end = `<!-- bench:${name}:end -->`;
  const block = `${begin}\n${body}\n${end}`;
  const from = doc.indexOf(begin);
  const to = doc.indexOf(end);
  return from >= 0 && to > from ? doc.slice(0, from) + block + doc.slice(to + end.length) : `${doc.trimEnd()}\n\n${block}\n`;
}

/**
 * Runs `task` with the URL of a PostgreSQL server's maintenance database: DATABASE_URL's
 * server, else an embedded one (the package `npm start` uses) in a temporary folder, stopped
 * and removed afterwards. Needs the built server (`npm run build`).
 */
export async function withPostgresServer(task: (serverUrl: string, description: string) => Promise<void>): Promise<void> {
  const external = process.env['DATABASE_URL'];
  if (external !== undefined && external !== '') {
    await task(external, 'the server at DATABASE_URL');
    return;
  }
  const { startEmbeddedPostgres } = (await import(new URL('../../apps/api/dist/database/embedded/start-embedded-postgres.js', import.meta.url).href)) as {
    startEmbeddedPostgres: (input: { dataDir: string; ephemeral?: boolean }) => Promise<{ serverUrl: string; stop(): Promise<void> }>;
  };
  const dataDir = mkdtempSync(join(tmpdir(), 'jornada-bench-pg-'));
  chmodSync(dataDir, 0o755); // readable by the postgres user when run as root
  const server = await startEmbeddedPostgres({ dataDir, ephemeral: true });
  try {
    await task(server.serverUrl, 'embedded PostgreSQL (no DATABASE_URL)');
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
