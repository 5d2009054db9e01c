import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const REPO_ROOT = path.resolve(__dirname, '../../../..');

export interface ServerProcess {
  readonly child: ChildProcessWithoutNullStreams;
  /** Resolves with http://127.0.0.1:<port> once the server logs that it listens. */
  ready(timeoutMs?: number): Promise<string>;
  /** The JSON log lines so far. */
  logs(): { msg?: string; level?: number; [key: string]: unknown }[];
  output(): string;
  readonly exited: Promise<{ code: number | null; signal: string | null }>;
}

/**
 * Starts the server as `npm start` would, in its own process, from the TypeScript sources
 * (SWC on the fly: no build step shared with other test files). For tests that kill a process
 * (SIGKILL mid-step) or run several. `env` is all it gets besides PATH.
 */
export function startServerProcess(env: Record<string, string>): ServerProcess {
  const child = spawn(process.execPath, ['--conditions=@jornada/source', '--import', '@swc-node/register/esm-register', 'apps/api/src/main.ts'], {
    cwd: REPO_ROOT,
    env: { PATH: process.env['PATH'] ?? '', SWC_NODE_PROJECT: 'apps/api/tsconfig.app.json', PORT: '0', LOG_LEVEL: 'info', SEED_DEMO: 'false', ...env },
    stdio: 'pipe',
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const logs = () =>
    stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { msg?: string; level?: number });
  return {
    child,
    logs,
    output: () => `${stdout}${stderr}`,
    exited,
    ready: async (timeoutMs = 60_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const url = logs()
          .map((line) => /is listening on (http:\/\/\S+)$/.exec(line.msg ?? '')?.[1])
          .find((match) => match !== undefined);
        if (url !== undefined) return url.replace('localhost', '127.0.0.1');
        if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the server exited early:\n${stdout}${stderr}`);
        if (Date.now() > deadline) throw new Error(`the server did not start in ${String(timeoutMs)} ms:\n${stdout}${stderr}`);
        await sleep(50);
      }
    },
  };
}
