import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { StartupError } from '../../startup-error.js';

/** The identity PostgreSQL runs as: ours, or the `postgres` system user when we are root. */
export interface RunAs {
  readonly uid?: number;
  readonly gid?: number;
}

export function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/**
 * PostgreSQL refuses to run as root. Run as root (containers, CI machines), the server runs
 * as the `postgres` system user instead, which must exist: we do not create system users.
 */
export async function resolveRunAs(): Promise<RunAs> {
  if (!isRoot()) return {};
  const id = async (flag: string): Promise<number> => {
    const { stdout } = await promisify(execFile)('id', [flag, 'postgres']);
    return Number.parseInt(stdout.trim(), 10);
  };
  try {
    const [uid, gid] = await Promise.all([id('-u'), id('-g')]);
    if (Number.isInteger(uid) && Number.isInteger(gid)) return { uid, gid };
  } catch {
    // fall through to the explanation below
  }
  throw new StartupError(
    'Embedded PostgreSQL cannot run as root and there is no `postgres` system user to run it as: create one (`useradd --system postgres`), run Jornada as a regular user, or set DATABASE_URL.',
  );
}

/** Whether a process with this pid exists (EPERM: it does, under another user). */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
