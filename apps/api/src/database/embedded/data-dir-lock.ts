import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { StartupError } from '../../startup-error.js';
import { isProcessAlive } from './system-user.js';

export const LOCK_FILE = 'jornada.lock';

export interface DataDirLock {
  release(): Promise<void>;
}

/**
 * One Jornada process at a time owns the embedded PostgreSQL of a data directory: a second
 * one would otherwise adopt the first one's server and stop it on its way out. The lock is a
 * file holding the owner's pid; a lock whose process is gone (a crash, a kill -9) is taken over.
 */
export async function acquireDataDirLock(dataDir: string): Promise<DataDirLock> {
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(file, `${String(process.pid)}\n`, { flag: 'wx', mode: 0o644 });
      return { release: () => rm(file, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = Number.parseInt((await readFile(file, 'utf8').catch(() => '')).trim(), 10);
    if (owner !== process.pid && isProcessAlive(owner)) {
      throw new StartupError(
        `DATA_DIR ${dataDir} is in use by another Jornada process (pid ${String(owner)}): stop it, or set DATA_DIR to another folder.`,
      );
    }
    await rm(file, { force: true }); // stale: its owner is gone
  }
  throw new StartupError(`Could not lock DATA_DIR ${dataDir} (${file} keeps reappearing); is another Jornada starting?`);
}
