// The embedded PostgreSQL in a data directory of its own: created once, reused by the next
// start, locked against a second owner, and adopted after a crash.
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/database/embedded/start-embedded-postgres.js';
import { isProcessAlive } from '../../src/database/embedded/system-user.js';

jest.setTimeout(60_000);

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('embedded PostgreSQL', () => {
  let dataDir: string;
  const started: EmbeddedPostgres[] = [];

  beforeAll(async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), 'jornada-embedded-'));
    // Run as root, PostgreSQL runs as `postgres`, which must be able to enter the parent.
    await chmod(parent, 0o755);
    dataDir = path.join(parent, 'data');
  });
  afterAll(async () => {
    for (const server of started) await server.stop().catch(() => undefined);
    await rm(path.dirname(dataDir), { recursive: true, force: true });
  });

  async function start(): Promise<EmbeddedPostgres> {
    const server = await startEmbeddedPostgres({ dataDir, ephemeral: true });
    started.push(server);
    return server;
  }

  it('creates a cluster on first start, keeps its data and port across restarts', async () => {
    const first = await start();
    expect(first.url).toMatch(/^postgres:\/\/postgres:[^@]+@127\.0\.0\.1:\d+\/jornada$/);
    await query(first.url, `CREATE TABLE kept (value text); INSERT INTO kept VALUES ('still here')`);
    const settings = JSON.parse(await readFile(path.join(dataDir, 'embedded-postgres.json'), 'utf8')) as { port: number };
    expect(settings.port).toBe(first.port);
    expect((await stat(path.join(dataDir, 'embedded-postgres.json'))).mode & 0o777).toBe(0o600);
    await first.stop();
    await expect(query(first.url, 'SELECT 1')).rejects.toThrow();

    const second = await start();
    expect(second.port).toBe(first.port);
    expect(await query(second.url, 'SELECT value FROM kept')).toEqual([{ value: 'still here' }]);
    await second.stop();
  });

  it('refuses a second owner of the data directory while the first runs', async () => {
    const owner = await start();
    try {
      await writeFile(path.join(dataDir, 'jornada.lock'), `${String(process.ppid)}\n`); // a live process that is not us
      await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow(/is in use by another Jornada process/);
    } finally {
      await writeFile(path.join(dataDir, 'jornada.lock'), `${String(process.pid)}\n`);
      await owner.stop();
    }
  });

  it('adopts a server left running by a crashed owner, and stops it', async () => {
    const crashed = await start();
    // Simulate a crash: the owner is gone (its lock names a dead pid), PostgreSQL still runs.
    await writeFile(path.join(dataDir, 'jornada.lock'), '999999999\n');
    const pid = Number((await readFile(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[0]);
    expect(isProcessAlive(pid)).toBe(true);

    const adopter = await start();
    expect(adopter.port).toBe(crashed.port);
    expect(await query(adopter.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    await adopter.stop();
    expect(isProcessAlive(pid)).toBe(false);
  });
});
