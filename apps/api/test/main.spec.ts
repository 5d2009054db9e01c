// The built server as `npm start` runs it: `node apps/api/dist/main.js`, in its own process.
// Builds first with the TypeScript 7 compiler (incremental, about a second), like `npm run build`.
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const repoRoot = path.resolve(__dirname, '../../..');
const mainJs = path.join(repoRoot, 'apps/api/dist/main.js');

jest.setTimeout(120_000);

beforeAll(async () => {
  await promisify(execFile)(
    process.execPath,
    [path.join(repoRoot, 'node_modules/typescript7/bin/tsc'), '-b', 'apps/api/tsconfig.app.json'],
    { cwd: repoRoot },
  );
});

function startMain(env: Record<string, string>): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [mainJs], {
    cwd: repoRoot,
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: 'pipe',
  });
}

function collect(child: ChildProcessWithoutNullStreams): { stdout: () => string; stderr: () => string } {
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return { stdout: () => stdout, stderr: () => stderr };
}

function exitOf(child: ChildProcessWithoutNullStreams): Promise<{ code: number | null; signal: string | null }> {
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

async function waitFor<T>(probe: () => T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

it('starts, answers /api/health, and stops cleanly on SIGTERM', async () => {
  const child = startMain({ PORT: '0' });
  const output = collect(child);
  const exited = exitOf(child);
  try {
    const url = await waitFor(() => /listening on (http:\/\/\S+)/.exec(output.stdout())?.[1], 20_000);
    const response = await fetch(`${url.replace('localhost', '127.0.0.1')}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', engine: { schemaVersion: expect.any(Number) } });

    child.kill('SIGTERM');
    expect(await exited).toEqual({ code: 0, signal: null });
    expect(output.stdout()).toContain('SIGTERM received, shutting down');
    expect(output.stdout()).toContain('Jornada stopped');
    expect(output.stderr()).toBe('');
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
});

it('refuses a bad PORT with one line naming the variable', async () => {
  const child = startMain({ PORT: 'eighty' });
  const output = collect(child);
  const { code } = await exitOf(child);
  expect(code).toBe(1);
  expect(output.stdout()).toBe('');
  expect(output.stderr()).toBe(
    'Invalid PORT "eighty": expected an integer from 0 to 65535 (default 3000).\n',
  );
});
