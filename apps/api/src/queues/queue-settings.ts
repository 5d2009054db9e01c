import { DEFAULT_RUN_STORED_HERE } from '../config/parse-config.js';
import { QUEUE_POLICIES, type QueuePolicy } from './queue-policies.js';
import type { QueueName } from './queue-names.js';

/** Tunables of the queue layer; the defaults serve production, tests override the token. */
export interface QueueSettings {
  readonly policies: Readonly<Record<QueueName, QueuePolicy>>;
  /** How long a shutdown waits for in-flight jobs before it abandons them (they come back as stalled). */
  readonly shutdownTimeoutMs: number;
  /** Redis key prefix (REDIS_PREFIX, default `jornada`); the PostgreSQL backend uses its own schema. */
  readonly redisPrefix: string;
  /** Worker locks and stall recovery (see WorkerTuning): how soon a crashed worker's jobs run again. */
  readonly lockDurationMs: number;
  readonly stalledIntervalMs: number;
  readonly maxStalledCount: number;
  /**
   * Jobs of just-stored rows (addAfterStore: webhooks, events) a worker process runs itself at
   * once, at most at a time, instead of through the queue store; 0: every job goes through it
   * (RUN_STORED_HERE, configuration.md).
   */
  readonly runStoredHere: number;
  /**
   * Tests that drive the queue layer with their own processors set this: a second
   * registerProcessor for a queue then replaces the app's one (running workers pick it up
   * from their next job) instead of throwing.
   */
  readonly allowProcessorReplacement?: boolean;
}

export const QUEUE_SETTINGS = Symbol('QUEUE_SETTINGS');
export const QUEUE_BACKEND = Symbol('QUEUE_BACKEND');

export const DEFAULT_QUEUE_SETTINGS: QueueSettings = Object.freeze({
  policies: QUEUE_POLICIES,
  // Below main.ts's 15 s hard stop, leaving time to close the HTTP server and the database.
  shutdownTimeoutMs: 10_000,
  redisPrefix: 'jornada',
  // A killed worker's jobs run again within about 20 s (lock lapses, next stall check); the
  // lock is renewed every 7.5 s while a job runs, so live jobs are never taken twice.
  lockDurationMs: 15_000,
  stalledIntervalMs: 5_000,
  maxStalledCount: 10,
  runStoredHere: DEFAULT_RUN_STORED_HERE,
});
