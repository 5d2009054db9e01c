import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { StartupError } from '../../startup-error.js';

export const SETTINGS_FILE = 'embedded-postgres.json';

/** How to reach the embedded server; kept in DATA_DIR (mode 600) so a restart finds it again. */
export interface EmbeddedSettings {
  readonly port: number;
  readonly user: string;
  readonly password: string;
  readonly database: string;
}

export function newSettings(port: number): EmbeddedSettings {
  return { port, user: 'postgres', password: randomBytes(24).toString('base64url'), database: 'jornada' };
}

export async function readSettings(dataDir: string): Promise<EmbeddedSettings | undefined> {
  const file = path.join(dataDir, SETTINGS_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const value = JSON.parse(text) as Partial<EmbeddedSettings>;
  if (
    typeof value.port !== 'number' ||
    typeof value.user !== 'string' ||
    typeof value.password !== 'string' ||
    typeof value.database !== 'string'
  ) {
    throw new StartupError(`${file} is damaged (expected port, user, password and database); restore it or move DATA_DIR away to start afresh.`);
  }
  return { port: value.port, user: value.user, password: value.password, database: value.database };
}

export async function writeSettings(dataDir: string, settings: EmbeddedSettings): Promise<void> {
  await writeFile(path.join(dataDir, SETTINGS_FILE), `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
}

export function connectionUrl(settings: EmbeddedSettings, port: number, database: string): string {
  const user = encodeURIComponent(settings.user);
  const password = encodeURIComponent(settings.password);
  return `postgres://${user}:${password}@127.0.0.1:${String(port)}/${encodeURIComponent(database)}`;
}
