// The built server as the README runs it: `npm run build`, then `node apps/api/dist/main.js`, in
// its own process: against a fresh database through DATABASE_URL, and with the embedded
// PostgreSQL in a fresh DATA_DIR (the default of `npm start` on a new machine).
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { chmod, mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

const repoRoot = path.resolve(__dirname, '../../..');
const mainJs = path.join(repoRoot, 'apps/api/dist/main.js');
const APP_SECRET = 'main-spec-secret-0123456789abcdefghijkl';

jest.setTimeout(120_000);

beforeAll(async () => {
  // What `npm run build` runs (incremental: about a second when nothing changed).
  await promisify(execFile)(process.execPath, [path.join(repoRoot, 'node_modules/typescript7/bin/tsc'), '-b', 'apps/api/tsconfig.app.json'], {
    cwd: repoRoot,
  });
});

interface Started {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: string | null }>;
}

function startMain(env: Record<string, string>): Started {
  const child = spawn(process.execPath, [mainJs], { cwd: repoRoot, env: { PATH: process.env['PATH'] ?? '', ...env }, stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

/** The JSON log lines printed so far. */
function logLines(started: Started): { msg?: string; level?: number }[] {
  return started
    .stdout()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { msg?: string; level?: number });
}

async function waitForUrl(started: Started, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const url = logLines(started)
      .map((line) => /is listening on (http:\/\/\S+)$/.exec(line.msg ?? '')?.[1])
      .find((match) => match !== undefined);
    if (url !== undefined) return url.replace('localhost', '127.0.0.1');
    if (started.child.exitCode !== null) throw new Error(`exited early: ${started.stderr()}${started.stdout()}`);
    if (Date.now() > deadline) throw new Error(`timed out: ${started.stdout()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function expectHealthyThenStop(started: Started): Promise<void> {
  try {
    const url = await waitForUrl(started, 60_000);
    const response = await fetch(`${url}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', database: { status: 'up' }, queue: { status: 'up', backend: 'postgres' } });

    started.child.kill('SIGTERM');
    expect(await started.exited).toEqual({ code: 0, signal: null });
    const messages = logLines(started).map((line) => line.msg);
    expect(messages).toContain('SIGTERM received, shutting down');
    expect(messages[messages.length - 1]).toBe('Jornada stopped');
    expect(started.stderr()).toBe('');
  } finally {
    if (started.child.exitCode === null && started.child.signalCode === null) started.child.kill('SIGKILL');
  }
}

describe('node apps/api/dist/main.js', () => {
  it('starts against DATABASE_URL (migrating a fresh database), answers /api/health, stops on SIGTERM', async () => {
    const database: TestDatabase = await createTestDatabase({ migrate: false });
    try {
      await expectHealthyThenStop(startMain({ PORT: '0', DATABASE_URL: database.url, APP_SECRET }));
      const applied = await database.dataSource.query<{ name: string }[]>('SELECT name FROM migrations');
      expect(applied.length).toBeGreaterThan(0);
    } finally {
      await database.drop();
    }
  });

  it('starts with the embedded PostgreSQL in a fresh DATA_DIR, and again on the same data', async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), 'jornada-main-'));
    await chmod(parent, 0o755); // run as root, PostgreSQL (as `postgres`) must enter it
    const dataDir = path.join(parent, 'data');
    try {
      await expectHealthyThenStop(startMain({ PORT: '0', DATA_DIR: dataDir }));
      expect((await stat(path.join(dataDir, 'app-secret'))).mode & 0o777).toBe(0o600);
      await expectHealthyThenStop(startMain({ PORT: '0', DATA_DIR: dataDir }));
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });

  it.each([
    [{ PORT: 'eighty' }, 'Invalid PORT "eighty": expected an integer from 0 to 65535 (default 3000).\n'],
    [{ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/x' }, expect.stringMatching(/^APP_SECRET is required when NODE_ENV=production: .*\n$/)],
  ])('refuses bad configuration %j with one line naming the variable', async (env, message) => {
    const started = startMain(env);
    const { code } = await started.exited;
    expect(code).toBe(1);
    expect(started.stdout()).toBe('');
    expect(started.stderr()).toEqual(message);
  });

  it('says in one line when the database cannot be reached', async () => {
    const started = startMain({ PORT: '0', DATABASE_URL: 'postgres://jornada:hunter2@127.0.0.1:1/jornada', APP_SECRET });
    const { code } = await started.exited;
    expect(code).toBe(1);
    expect(started.stderr()).toMatch(/^Cannot connect to the database at postgres:\/\/jornada:\*\*\*@127\.0\.0\.1:1\/jornada: .*ECONNREFUSED.*\n$/);
    expect(started.stderr()).not.toContain('hunter2');
  });
});
