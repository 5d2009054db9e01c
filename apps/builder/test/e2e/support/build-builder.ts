import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const BUILDER_ROOT = path.resolve(__dirname, '../../..');

/** `vite build` of the builder into `outDir`, as `npm run build` does (about 2 s). */
export function buildBuilder(outDir: string): void {
  const require = createRequire(path.join(BUILDER_ROOT, 'package.json'));
  const vite = path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', path.join(BUILDER_ROOT, 'vite.config.ts'), '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: BUILDER_ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`vite build failed (${String(result.status)}):\n${result.stdout}\n${result.stderr}`);
}

/** Set by the global setup for the test files: the folder the builder was built into. */
export const BUILDER_DIST_VARIABLE = 'JORNADA_BUILDER_E2E_DIST';
