import path from 'node:path';
import { Writable } from 'node:stream';
import type { DynamicModule, Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test, type TestingModuleBuilder } from '@nestjs/testing';
import { AppModule } from '../../src/app/app.module.js';
import { initApp } from '../../src/app/init-app.js';
import { Authenticator } from '../../src/auth/authenticator.js';
import type { AppConfig } from '../../src/config/app-config.js';
import { parseConfig } from '../../src/config/parse-config.js';
import { openDatabase } from '../../src/database/open-database.js';
import { createLogger } from '../../src/logging/create-logger.js';
import { NestPinoLogger } from '../../src/logging/nest-logger.js';
import { SitePaths } from '../../src/site/site-paths.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export const REPO_ROOT = path.resolve(__dirname, '../../../..');
export const TEST_APP_SECRET = 'test-app-secret-0123456789abcdefghijklmnop';

export interface CreateTestAppOptions {
  /** The database to use; by default a fresh one, dropped again by close(). */
  readonly database?: TestDatabase;
  /** Connect the app through another URL (e.g. a TCP proxy in front of `database`). */
  readonly databaseUrl?: string;
  /** Environment variables on top of the test defaults (BODY_LIMIT, LOG_LEVEL…). */
  readonly env?: Readonly<Record<string, string>>;
  /** Replaces the Authenticator: who every request is (see auth/authenticator.ts). */
  readonly authenticator?: Authenticator;
  /** Any other provider override: `(builder) => builder.overrideProvider(X).useValue(y)`. */
  readonly override?: (builder: TestingModuleBuilder) => TestingModuleBuilder;
  /** Serve a built builder from this folder (apps/builder/dist in production). */
  readonly builderDist?: string;
  /** Extra modules to load next to AppModule (test-only controllers). */
  readonly modules?: readonly (Type | DynamicModule)[];
}

export interface TestApp {
  readonly app: NestExpressApplication;
  /** http://127.0.0.1:<port>, no trailing slash. */
  readonly url: string;
  readonly database: TestDatabase;
  readonly config: AppConfig;
  /** Log lines written so far (parsed JSON), for assertions on logging. */
  logs(): Record<string, unknown>[];
  /** Closes the app (HTTP, then its DB pool); drops the database if createTestApp made it. */
  close(): Promise<void>;
}

/**
 * Boots the whole Nest app, configured exactly as `npm start` configures it (initApp), on a
 * free port against a real PostgreSQL database. Logs are kept in memory, not printed.
 *
 *   let api: TestApp;
 *   beforeAll(async () => { api = await createTestApp(); });
 *   afterAll(() => api.close());
 *   it('…', async () => { const response = await fetch(`${api.url}/api/health`); … });
 */
export async function createTestApp(options: CreateTestAppOptions = {}): Promise<TestApp> {
  const ownDatabase = options.database === undefined;
  const database = options.database ?? (await createTestDatabase());
  const lines: string[] = [];
  try {
    const parsed = parseConfig({
      env: { LOG_LEVEL: 'info', SEED_DEMO: 'false', APP_SECRET: TEST_APP_SECRET, ...options.env, DATABASE_URL: options.databaseUrl ?? database.url },
      cwd: REPO_ROOT,
      installRoot: REPO_ROOT,
    });
    const config: AppConfig = { ...parsed, appSecret: parsed.appSecret ?? TEST_APP_SECRET };
    const logger = createLogger({
      level: config.logLevel,
      destination: new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(...chunk.toString('utf8').split('\n').filter((line) => line !== ''));
          done();
        },
      }),
    });
    const dataSource = await openDatabase({ url: options.databaseUrl ?? database.url });
    const sitePaths = new SitePaths({ docsRoot: REPO_ROOT, builderDist: options.builderDist });

    let builder = Test.createTestingModule({
      imports: [AppModule.forRoot({ config, dataSource, logger, sitePaths }), ...(options.modules ?? [])],
    });
    if (options.authenticator !== undefined) builder = builder.overrideProvider(Authenticator).useValue(options.authenticator);
    if (options.override !== undefined) builder = options.override(builder);
    const moduleRef = await builder.compile();
    const app = moduleRef.createNestApplication<NestExpressApplication>({
      bodyParser: false,
      logger: new NestPinoLogger(logger),
      abortOnError: false,
    });
    await initApp(app, { config, logger, sitePaths });
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;

    return {
      app,
      url: `http://127.0.0.1:${String(port)}`,
      database,
      config,
      logs: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
      close: async () => {
        await app.close();
        if (ownDatabase) await database.drop();
      },
    };
  } catch (error) {
    if (ownDatabase) await database.drop();
    throw error;
  }
}
