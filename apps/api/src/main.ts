// Entry point of the Jornada server: reads the environment, starts listening, and stops
// cleanly on SIGTERM / SIGINT. Everything else lives in modules that tests import directly.
import { fileURLToPath } from 'node:url';
import { ConfigError, parseConfig } from './config/parse-config.js';
import { createApiServer } from './http/create-api-server.js';
import { close, listen, ListenError } from './http/server-lifecycle.js';

/** How long in-flight requests get to finish after a stop signal. */
const SHUTDOWN_GRACE_MS = 10_000;
/** apps/api/dist/main.js -> the repository root, where README.md and docs/ live. */
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const server = createApiServer({ docsRoot: REPO_ROOT });
  const address = await listen(server, config.port);
  console.log(`Jornada (role: ${config.role}) is listening on http://localhost:${String(address.port)}`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      // A second Ctrl-C means "now".
      console.log(`${signal} received again, exiting immediately`);
      process.exit(1);
    }
    stopping = true;
    console.log(`${signal} received, shutting down`);
    close(server, SHUTDOWN_GRACE_MS).then(
      () => {
        console.log('Jornada stopped');
        process.exitCode = 0;
      },
      (error: unknown) => {
        console.error('Shutdown failed:', error);
        process.exitCode = 1;
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  // Operator mistakes get one clear line; anything else is a bug and gets its stack.
  if (error instanceof ConfigError || error instanceof ListenError) console.error(error.message);
  else console.error('Jornada failed to start:', error);
  process.exitCode = 1;
});
