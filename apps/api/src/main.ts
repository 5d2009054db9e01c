// Entry point of the Jornada server (`npm start`): reads the environment, starts everything
// (startServer), and stops it in order on SIGTERM / SIGINT. A second signal exits at once.
import 'reflect-metadata';
import { fileURLToPath } from 'node:url';
import { startServer } from './app/start-server.js';
import { ConfigError, parseConfig } from './config/parse-config.js';
import { createLogger } from './logging/create-logger.js';
import { StartupError } from './startup-error.js';

/** apps/api/dist/main.js -> the repository root, where README.md, docs/ and .jornada live. */
const INSTALL_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Past this, a stuck shutdown (a hung request, a hung database) is cut short. */
const SHUTDOWN_TIMEOUT_MS = 15_000;
/**
 * On Ctrl-C under `npm start`, SIGINT arrives twice at once: from the terminal and forwarded
 * by npm. Only a signal this long after the first means "exit now".
 */
const REPEAT_SIGNAL_WINDOW_MS = 1000;

async function main(): Promise<void> {
  const config = parseConfig({ env: process.env, cwd: process.cwd(), installRoot: INSTALL_ROOT });
  const logger = createLogger({ level: config.logLevel, role: config.role });
  const database = config.database.mode === 'embedded' ? `embedded PostgreSQL in ${config.dataDir}` : 'DATABASE_URL';
  logger.info(`Starting Jornada (role: ${config.role}, database: ${database})`);

  const started = startServer({ config, logger, installRoot: INSTALL_ROOT });
  let stopping = false;
  let firstSignalAt = 0;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      if (Date.now() - firstSignalAt < REPEAT_SIGNAL_WINDOW_MS) return;
      logger.warn(`${signal} received again, exiting immediately`);
      process.exit(1);
    }
    stopping = true;
    firstSignalAt = Date.now();
    logger.info(`${signal} received, shutting down`);
    setTimeout(() => {
      logger.error(`Shutdown took longer than ${String(SHUTDOWN_TIMEOUT_MS / 1000)} s; exiting`);
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    // A signal during start-up waits for it, then stops whatever was started.
    started
      .then(
        (server) => server.stop().then(() => logger.info('Jornada stopped')),
        () => undefined, // start-up failed: main() reports it
      )
      .catch((error: unknown) => {
        logger.error({ err: error }, 'Shutdown failed');
        process.exitCode = 1;
      });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);

  const server = await started;
  if (!stopping) logger.info(`Jornada (role: ${config.role}) is listening on ${server.url}`);
}

main().catch((error: unknown) => {
  // Operator mistakes get one clear line on stderr; anything else is a bug and gets its stack.
  if (error instanceof ConfigError || error instanceof StartupError) console.error(error.message);
  else console.error('Jornada failed to start:', error);
  process.exitCode = 1;
});
