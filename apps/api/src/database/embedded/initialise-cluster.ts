import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chown, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { StartupError } from '../../startup-error.js';
import type { PostgresBinaries } from './postgres-binaries.js';
import { postgresEnv } from './postgres-server.js';
import type { RunAs } from './system-user.js';

const run = promisify(execFile);

/** Whether `pgdata` holds a cluster (initdb writes PG_VERSION). */
export async function readClusterVersion(pgdata: string): Promise<string | undefined> {
  try {
    return (await readFile(path.join(pgdata, 'PG_VERSION'), 'utf8')).trim();
  } catch {
    return undefined;
  }
}

/** The major version of the bundled server, e.g. "18". */
export async function readServerMajorVersion(binaries: PostgresBinaries): Promise<string> {
  const { stdout } = await run(binaries.postgres, ['-V'], { env: postgresEnv() });
  const major = /(\d+)(?:\.\d+)?/.exec(stdout)?.[1];
  if (major === undefined) throw new StartupError(`Cannot read the embedded PostgreSQL version from "${stdout.trim()}".`);
  return major;
}

export interface InitialiseClusterInput {
  readonly binaries: PostgresBinaries;
  readonly pgdata: string;
  readonly runAs: RunAs;
  readonly user: string;
  readonly password: string;
  /** Skip fsync of the new files (throw-away clusters in tests). */
  readonly noSync?: boolean;
}

/**
 * Creates a cluster with `initdb` in a staging folder, then renames it into place, so a
 * failed or interrupted first start never leaves a half-made `pgdata` behind. Password
 * authentication (SCRAM) even on loopback: other local users must not get in. The builtin
 * C.UTF-8 locale gives Unicode-aware lower()/upper() without depending on the OS's locales.
 */
export async function initialiseCluster(input: InitialiseClusterInput): Promise<void> {
  const parent = path.dirname(input.pgdata);
  const suffix = randomBytes(4).toString('hex');
  const staging = `${input.pgdata}.initdb-${suffix}`;
  const passwordFile = path.join(parent, `.pwfile-${suffix}`);
  await mkdir(staging, { mode: 0o700 });
  await writeFile(passwordFile, `${input.password}\n`, { mode: 0o600 });
  try {
    if (input.runAs.uid !== undefined && input.runAs.gid !== undefined) {
      await chown(staging, input.runAs.uid, input.runAs.gid);
      await chown(passwordFile, input.runAs.uid, input.runAs.gid);
    }
    const args = [
      `--pgdata=${staging}`,
      `--username=${input.user}`,
      `--pwfile=${passwordFile}`,
      '--auth=scram-sha-256',
      '--encoding=UTF8',
      '--locale=C',
      '--locale-provider=builtin',
      '--builtin-locale=C.UTF-8',
      ...(input.noSync === true ? ['--no-sync'] : []),
    ];
    try {
      await run(input.binaries.initdb, args, { env: postgresEnv(), ...input.runAs });
    } catch (error) {
      const stderr = String((error as { stderr?: unknown }).stderr ?? (error as Error).message).trim();
      const hint = input.runAs.uid !== undefined
        ? ' (running as root: the `postgres` system user must be able to enter every parent folder of DATA_DIR)'
        : '';
      throw new StartupError(`initdb failed for ${input.pgdata}${hint}: ${stderr.split('\n').slice(-3).join(' | ')}`);
    }
    await rename(staging, input.pgdata);
  } finally {
    await rm(passwordFile, { force: true });
    await rm(staging, { recursive: true, force: true });
  }
}
