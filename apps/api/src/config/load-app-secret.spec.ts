import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ConfigError } from './config-error.js';
import { loadAppSecret } from './load-app-secret.js';

describe('loadAppSecret', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = path.join(await mkdtemp(path.join(os.tmpdir(), 'jornada-secret-')), 'data');
  });
  afterEach(() => rm(path.dirname(dataDir), { recursive: true, force: true }));

  it('uses APP_SECRET when set, and writes nothing', async () => {
    expect(await loadAppSecret({ appSecret: 'x'.repeat(40), dataDir })).toEqual({ secret: 'x'.repeat(40), source: 'env' });
    await expect(stat(dataDir)).rejects.toThrow();
  });

  it('generates a secret into DATA_DIR/app-secret (mode 600) once, then reuses it', async () => {
    const first = await loadAppSecret({ appSecret: undefined, dataDir });
    expect(first.source).toBe('generated');
    expect(first.secret.length).toBeGreaterThanOrEqual(32);
    const file = path.join(dataDir, 'app-secret');
    expect(first.file).toBe(file);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await readFile(file, 'utf8')).trim()).toBe(first.secret);

    expect(await loadAppSecret({ appSecret: undefined, dataDir })).toEqual({ secret: first.secret, source: 'file', file });
  });

  it('refuses a stored secret that is too short, naming the file', async () => {
    await loadAppSecret({ appSecret: undefined, dataDir });
    await writeFile(path.join(dataDir, 'app-secret'), 'short\n');
    await expect(loadAppSecret({ appSecret: undefined, dataDir })).rejects.toThrow(ConfigError);
    await expect(loadAppSecret({ appSecret: undefined, dataDir })).rejects.toThrow(`Invalid ${path.join(dataDir, 'app-secret')}`);
  });
});
