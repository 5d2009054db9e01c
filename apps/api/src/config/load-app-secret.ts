import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from './config-error.js';
import { MIN_APP_SECRET_LENGTH } from './parse-config.js';

export const APP_SECRET_FILE = 'app-secret';

export interface LoadedAppSecret {
  readonly secret: string;
  /** Where it came from: the environment, the file, or the file just written. */
  readonly source: 'env' | 'file' | 'generated';
  readonly file?: string;
}

/**
 * The application secret: `APP_SECRET` when set; otherwise the one stored in
 * `DATA_DIR/app-secret`, generated (48 random bytes, base64url, mode 600) on the first start.
 * parseConfig already refused a missing APP_SECRET in production, where every process must
 * share one secret and a per-machine file would silently split them.
 */
export async function loadAppSecret({
  appSecret,
  dataDir,
}: {
  appSecret: string | undefined;
  dataDir: string;
}): Promise<LoadedAppSecret> {
  if (appSecret !== undefined) return { secret: appSecret, source: 'env' };
  const file = path.join(dataDir, APP_SECRET_FILE);
  const stored = await readSecretFile(file);
  if (stored !== undefined) return { secret: stored, source: 'file', file };

  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(48).toString('base64url');
  try {
    // `wx`: if another process created it meanwhile, keep theirs.
    await writeFile(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const theirs = await readSecretFile(file);
    if (theirs !== undefined) return { secret: theirs, source: 'file', file };
    throw error;
  }
  await chmod(file, 0o600); // the umask may have loosened the mode given to writeFile
  return { secret, source: 'generated', file };
}

async function readSecretFile(file: string): Promise<string | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ConfigError(`Cannot read ${file} (${(error as Error).message}); fix its permissions or set APP_SECRET.`);
  }
  const secret = text.trim();
  if (secret.length < MIN_APP_SECRET_LENGTH) {
    throw new ConfigError(
      `Invalid ${file}: expected a secret of at least ${String(MIN_APP_SECRET_LENGTH)} characters; delete the file to generate a new one (signed-in sessions end) or set APP_SECRET.`,
    );
  }
  return secret;
}
