import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { loadAppSecret } from '../config/load-app-secret.js';
import type { ApiConfig } from '../config/parse-config.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../database/embedded/start-embedded-postgres.js';
import { openDatabase } from '../database/open-database.js';
import { SitePaths } from '../site/site-paths.js';
import { StartupError } from '../startup-error.js';
import { createApp } from './create-app.js';

export interface RunningServer {
  readonly app: NestExpressApplication;
  /** http://localhost:<port> */
  readonly url: string;
  /**
   * Stops in dependency order: the HTTP server (in-flight requests finish), then Nest's
   * shutdown hooks and the database pool, then the embedded PostgreSQL.
   */
  stop(): Promise<void>;
}

/**
 * Starts Jornada as `npm start` does: secret, database (embedded or DATABASE_URL), migrations,
 * the Nest app, listening on PORT. Whatever was started is stopped again if a later step fails.
 */
export async function startServer({
  config,
  logger,
  installRoot,
}: {
  config: ApiConfig;
  logger: Logger;
  /** The repository root: docs/ and apps/builder/dist are found from here. */
  installRoot: string;
}): Promise<RunningServer> {
  const secret = await loadAppSecret(config);
  if (secret.source === 'generated') logger.info(`Generated a new APP_SECRET in ${secret.file ?? ''} (mode 600); keep it with the data`);
  if (secret.source !== 'env' && config.database.mode === 'external') {
    logger.warn(`APP_SECRET is not set: using ${secret.file ?? 'DATA_DIR/app-secret'}. Every process that shares this database must use the same APP_SECRET.`);
  }

  let embedded: EmbeddedPostgres | undefined;
  let dataSource: DataSource | undefined;
  let app: NestExpressApplication | undefined;
  try {
    if (config.database.mode === 'embedded') {
      embedded = await startEmbeddedPostgres({
        dataDir: config.dataDir,
        log: { info: (message) => logger.info(message), warn: (message) => logger.warn(message) },
      });
    }
    const url = config.database.mode === 'external' ? config.database.url : (embedded as EmbeddedPostgres).url;
    dataSource = await openDatabase({
      url,
      poolSize: config.databasePoolSize,
      preparedStatements: config.databasePreparedStatements,
      onMigrated: (names) => {
        if (names.length > 0) logger.info({ migrations: names }, `Applied ${String(names.length)} database migration(s)`);
      },
    });
    app = await createApp({
      config: { ...config, appSecret: secret.secret },
      dataSource,
      logger,
      sitePaths: new SitePaths({ docsRoot: installRoot, builderDist: path.join(installRoot, 'apps/builder/dist') }),
    });
    await listen(app, config.port);
  } catch (error) {
    if (app !== undefined) await app.close().catch(() => undefined);
    else if (dataSource?.isInitialized === true) await dataSource.destroy().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw error;
  }

  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const running = app;
  return {
    app: running,
    url: `http://localhost:${String(port)}`,
    stop: async () => {
      try {
        await running.close();
      } finally {
        await embedded?.stop();
      }
    },
  };
}

async function listen(app: NestExpressApplication, port: number): Promise<void> {
  try {
    await app.listen(port);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new StartupError(`Cannot listen on PORT ${String(port)}: the port is already in use. Set PORT to a free port.`);
    if (code === 'EACCES') throw new StartupError(`Cannot listen on PORT ${String(port)}: permission denied. Use a port above 1023.`);
    throw error;
  }
}
