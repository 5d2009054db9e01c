// Starts the built product (`node apps/api/dist/main.js`) for a benchmark, the way `npm start`
// runs it: on DATABASE_URL's server in a scratch database when set, else embedded Postgres in
// a temporary DATA_DIR. Everything it creates is removed by stop().
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface BenchServer {
  url: string;
  database: string;
  /** The scratch database, when the server runs on one (a PostgreSQL server was given). */
  databaseUrl: string | undefined;
  /** The server's process id (to read its CPU time). */
  pid: number | undefined;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function sql(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function waitForHealth(url: string, child: ChildProcess, seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server did not become healthy within ${seconds} s`);
}

export async function startBenchServer(env: Record<string, string>, options: { serverUrl?: string | undefined } = {}): Promise<BenchServer> {
  const port = await freePort();
  const serverUrl = options.serverUrl ?? process.env['DATABASE_URL'];
  let databaseUrl: string | undefined;
  let dataDir: string | undefined;
  let dbName = 'embedded';
  if (serverUrl) {
    dbName = `jornada_bench_${randomBytes(4).toString('hex')}`;
    await sql(serverUrl, `CREATE DATABASE ${dbName}`);
    const u = new URL(serverUrl);
    u.pathname = `/${dbName}`;
    databaseUrl = u.toString();
  } else {
    // Readable by the postgres system user when run as root (see docs/deployment.md).
    dataDir = mkdtempSync(join(tmpdir(), 'jornada-bench-'));
    chmodSync(dataDir, 0o755);
  }
  // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server under load.
  const nodeArgs = (process.env['BENCH_SERVER_NODE_ARGS'] ?? '').split(' ').filter((arg) => arg !== '');
  const child = spawn(process.execPath, [...nodeArgs, 'apps/api/dist/main.js'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATA_DIR: dataDir ?? '' }),
    },
    stdio: ['ignore', process.env['BENCH_SERVER_STDOUT'] === '1' ? 'inherit' : 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, child, 60);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    url,
    database: serverUrl ? `PostgreSQL (scratch database ${dbName})` : 'embedded PostgreSQL',
    databaseUrl,
    pid: child.pid,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      // BENCH_KEEP_DATABASE=1 leaves the scratch database to examine (EXPLAIN, row counts) after the run.
      if (serverUrl && process.env['BENCH_KEEP_DATABASE'] !== '1') await sql(serverUrl, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      else if (serverUrl) console.warn(`kept the scratch database ${dbName}`);
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
