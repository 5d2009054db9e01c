import { randomUUID } from 'node:crypto';
import type { Authenticator } from '../../src/auth/authenticator.js';
import type { RequestPrincipal } from '../../src/auth/request-principal.js';
import { DEFAULT_QUEUE_SETTINGS, QUEUE_SETTINGS, type QueueSettings } from '../../src/queues/queue-settings.js';
import { DEFAULT_DISPATCH_SWEEP_SETTINGS, DISPATCH_SWEEP_SETTINGS, type DispatchSweepSettings } from '../../src/runtime/processing/dispatch-sweep-settings.js';
import { createTestApp, type CreateTestAppOptions, type TestApp } from '../support/create-test-app.js';
import { deleteRedisPrefix } from '../support/redis-prefix.js';
import type { TestDatabase } from '../support/test-database.js';

const REDIS_URL = process.env['REDIS_URL'] === '' ? undefined : process.env['REDIS_URL'];

export type BackendKind = 'postgres' | 'redis';

/** The queue backends this machine can test: PostgreSQL always, Redis when REDIS_URL is set (CI sets it). */
export const QUEUE_BACKENDS: readonly BackendKind[] = REDIS_URL === undefined ? ['postgres'] : ['postgres', 'redis'];

export interface RuntimeAppOptions {
  readonly database: TestDatabase;
  readonly backend: BackendKind;
  /** Who every request is; the workspace is read when a request comes. */
  readonly principal?: () => RequestPrincipal;
  /** Instead of `principal`: an authenticator that tells callers apart (HeaderAuthenticator). */
  readonly authenticator?: Authenticator;
  /** Sweep tunables; by default the periodic sweep is off (it still runs once on start). */
  readonly sweep?: Partial<DispatchSweepSettings>;
  /** Redis key prefix, to restart an app on the same queues; a fresh one by default. */
  readonly redisPrefix?: string;
  readonly queueSettings?: Partial<QueueSettings>;
  readonly env?: Readonly<Record<string, string>>;
  readonly override?: CreateTestAppOptions['override'];
}

export interface RuntimeApp extends TestApp {
  readonly redisPrefix: string;
}

/** The whole app as `npm start` runs it (ROLE=all), on the given queue backend. */
export async function startRuntimeApp(options: RuntimeAppOptions): Promise<RuntimeApp> {
  const redisPrefix = options.redisPrefix ?? `jornada-test-${randomUUID()}`;
  const queueSettings: QueueSettings = { ...DEFAULT_QUEUE_SETTINGS, shutdownTimeoutMs: 5000, ...options.queueSettings, redisPrefix };
  const sweep: DispatchSweepSettings = { ...DEFAULT_DISPATCH_SWEEP_SETTINGS, intervalMs: 0, ...options.sweep };
  const api = await createTestApp({
    database: options.database,
    authenticator: options.authenticator ?? { authenticate: () => Promise.resolve(options.principal?.() ?? null) },
    env: { ROLE: 'all', ...(options.backend === 'redis' && REDIS_URL !== undefined ? { REDIS_URL } : {}), ...options.env },
    override: (builder) => {
      const configured = builder.overrideProvider(QUEUE_SETTINGS).useValue(queueSettings).overrideProvider(DISPATCH_SWEEP_SETTINGS).useValue(sweep);
      return options.override === undefined ? configured : options.override(configured);
    },
  });
  return { ...api, redisPrefix };
}

/** Deletes the Redis keys of a prefix (after the app closed). */
export async function deleteRedisKeys(prefix: string): Promise<void> {
  if (REDIS_URL === undefined) return;
  await deleteRedisPrefix(REDIS_URL, prefix);
}
