import { spawn, type ChildProcess } from 'node:child_process';
import { open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { StartupError } from '../../startup-error.js';
import type { PostgresBinaries } from './postgres-binaries.js';
import { isProcessAlive, type RunAs } from './system-user.js';

const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 20_000;

/** A running PostgreSQL server: one we started, or one a crashed run left behind. */
export interface PostgresServer {
  readonly pid: number;
  readonly port: number;
  /** Fast shutdown (SIGINT: roll back open transactions, checkpoint, exit); SIGQUIT if stuck. */
  stop(): Promise<void>;
}

/** Extra server settings for throw-away clusters (tests): durability off, speed on. */
export const EPHEMERAL_SERVER_SETTINGS = ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off'];

export interface SpawnPostgresInput {
  readonly binaries: PostgresBinaries;
  readonly pgdata: string;
  readonly port: number;
  readonly runAs: RunAs;
  readonly logFile: string;
  readonly settings?: readonly string[];
}

/**
 * Starts `postgres` in its own session (`detached`), so a Ctrl-C in the terminal reaches only
 * Jornada, which then stops the server last, after the HTTP server and the connection pool.
 * Its output is appended to `logFile`. TCP on 127.0.0.1 only; no Unix socket (its default
 * folder may not exist or may belong to a system PostgreSQL).
 */
export async function spawnPostgres(input: SpawnPostgresInput): Promise<{ child: ChildProcess; server: PostgresServer }> {
  const log = await open(input.logFile, 'a', 0o644);
  let child: ChildProcess;
  try {
    const settings = ['listen_addresses=127.0.0.1', 'unix_socket_directories=', ...(input.settings ?? [])];
    child = spawn(input.binaries.postgres, ['-D', input.pgdata, '-p', String(input.port), ...settings.flatMap((s) => ['-c', s])], {
      detached: true,
      stdio: ['ignore', log.fd, log.fd],
      env: postgresEnv(),
      ...input.runAs,
    });
  } finally {
    await log.close(); // the child holds its own copy of the descriptor
  }
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  // Listen for spawn errors (binary missing) so they reject the readiness wait, not crash us.
  child.once('error', () => undefined);
  child.unref();
  const pid = child.pid ?? -1;
  return {
    child,
    server: {
      pid,
      port: input.port,
      stop: async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGINT');
        // Fast shutdown waits for no client; SIGQUIT (immediate, crash-safe) only if it hangs.
        const timer = setTimeout(() => child.kill('SIGQUIT'), STOP_TIMEOUT_MS);
        await exited;
        clearTimeout(timer);
      },
    },
  };
}

/** Wraps a server found running on the data directory (its owner crashed) so we can stop it. */
export function adoptPostgres({ pid, port }: { pid: number; port: number }): PostgresServer {
  return {
    pid,
    port,
    stop: async () => {
      signal(pid, 'SIGINT');
      const deadline = Date.now() + STOP_TIMEOUT_MS;
      while (isProcessAlive(pid)) {
        if (Date.now() > deadline) {
          signal(pid, 'SIGQUIT');
          await delay(500);
          return;
        }
        await delay(50);
      }
    },
  };
}

/**
 * The server recorded in `postmaster.pid`, when it is still running. A pid file whose process is
 * gone, or whose pid now belongs to another program (containers reuse pids), is removed: left
 * in place it would make the next `postgres` refuse to start.
 */
export async function findRunningPostgres(pgdata: string): Promise<{ pid: number; port: number } | undefined> {
  const file = path.join(pgdata, 'postmaster.pid');
  let lines: string[];
  try {
    lines = (await readFile(file, 'utf8')).split('\n');
  } catch {
    return undefined;
  }
  const pid = Number.parseInt(lines[0] ?? '', 10);
  const port = Number.parseInt(lines[3] ?? '', 10);
  if (isProcessAlive(pid) && (await isPostgresProcess(pid)) && Number.isInteger(port)) return { pid, port };
  if (!isProcessAlive(pid) || !(await isPostgresProcess(pid))) await rm(file, { force: true });
  return undefined;
}

/** Polls until the server accepts connections; fails early, with its log, if it exits. */
export async function waitUntilReady({
  url,
  child,
  logFile,
}: {
  url: string;
  child: ChildProcess | undefined;
  logFile: string;
}): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child !== undefined && (child.exitCode !== null || child.signalCode !== null)) {
      throw new StartupError(`Embedded PostgreSQL exited during start-up: ${await logTail(logFile)}`);
    }
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) {
        throw new StartupError(`Embedded PostgreSQL did not accept connections within ${String(READY_TIMEOUT_MS / 1000)} s (${(error as Error).message}): ${await logTail(logFile)}`);
      }
    }
    await delay(100);
  }
}

/** The last lines of a server log, on one line, for an error message. */
export async function logTail(logFile: string, lines = 5): Promise<string> {
  const text = await readFile(logFile, 'utf8').catch(() => '');
  const tail = text.trim().split('\n').slice(-lines).join(' | ');
  return tail === '' ? `(no output; see ${logFile})` : `${tail} (log: ${logFile})`;
}

/** A clean environment: PG* variables of the caller (PGPORT, PGDATA…) must not leak in. */
export function postgresEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env['PATH'] ?? '/usr/bin:/bin', LC_ALL: 'C', LANG: 'C' };
  if (process.env['TZ'] !== undefined) env['TZ'] = process.env['TZ'];
  return env;
}

async function isPostgresProcess(pid: number): Promise<boolean> {
  try {
    return (await readFile(`/proc/${String(pid)}/comm`, 'utf8')).startsWith('postgres');
  } catch {
    return process.platform !== 'linux'; // no /proc: trust the pid file
  }
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
