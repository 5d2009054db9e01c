// Shared by the benchmark runners: the machine line, the docs section writer, and a PostgreSQL
// server to run on.
import { mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

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
 * and removed afterwards. Needs the built server (`npm run build`). The embedded server runs
 * as `npm start` runs it — every commit flushed to disk — not with the tests' throw-away
 * settings (no fsync, no synchronous commit), which would flatter every figure that commits.
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
  const server = await startEmbeddedPostgres({ dataDir });
  try {
    await task(server.serverUrl, 'embedded PostgreSQL (no DATABASE_URL)');
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The PostgreSQL server's version and the settings that move the runtime's figures most:
 * whether autovacuum runs (without it, dead rows pile up in the tables and indexes a long run
 * churns — a CI machine may turn it off) and whether commits wait for the disk.
 */
export async function describePostgres(serverUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ version: string; autovacuum: string; fsync: string; synchronous_commit: string }>(
      `SELECT current_setting('server_version') AS version, current_setting('autovacuum') AS autovacuum, current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS synchronous_commit`,
    );
    const row = rows[0];
    if (row === undefined) return 'PostgreSQL';
    return `PostgreSQL ${row.version.split(' ')[0] ?? row.version} (autovacuum ${row.autovacuum}, fsync ${row.fsync}, synchronous_commit ${row.synchronous_commit})`;
  } finally {
    await client.end();
  }
}
