import type { QueueName } from './queue-names.js';

/** Retention and retry of one queue's jobs. */
export interface QueuePolicy {
  /** Tries in total, the first included; only `transient` errors use the ones after it. */
  readonly attempts: number;
  /** Exponential: the n-th retry waits `delayMs * 2^(n-1)`. */
  readonly backoff: { readonly type: 'exponential' | 'fixed'; readonly delayMs: number };
  /** Default worker concurrency when registerProcessor does not say. */
  readonly concurrency: number;
  /**
   * How long (s) and how many completed jobs are kept. While kept, re-adding the same job id is
   * a no-op; after, the runtime's Postgres rows (processed flags) are what dedupe.
   */
  readonly keepCompleted: { readonly ageSeconds: number; readonly count: number };
  /** Failed jobs are kept to be inspected (`GET /api/queues/:queue/failed`) and retried. */
  readonly keepFailed: { readonly ageSeconds: number; readonly count: number };
}

const DAY = 24 * 60 * 60;

/**
 * Every queue's policy, in one table. Inbound and events retry quickly (a customer waits);
 * outbound backs off longer (provider 429/5xx); timers retry like inbound.
 */
export const QUEUE_POLICIES: Readonly<Record<QueueName, QueuePolicy>> = Object.freeze({
  inbound: {
    attempts: 8,
    backoff: { type: 'exponential', delayMs: 500 },
    concurrency: 20,
    keepCompleted: { ageSeconds: DAY, count: 10_000 },
    keepFailed: { ageSeconds: 30 * DAY, count: 50_000 },
  },
  timers: {
    attempts: 8,
    backoff: { type: 'exponential', delayMs: 500 },
    concurrency: 20,
    keepCompleted: { ageSeconds: DAY, count: 10_000 },
    keepFailed: { ageSeconds: 30 * DAY, count: 50_000 },
  },
  outbound: {
    attempts: 10,
    backoff: { type: 'exponential', delayMs: 2000 },
    concurrency: 20,
    keepCompleted: { ageSeconds: DAY, count: 10_000 },
    keepFailed: { ageSeconds: 30 * DAY, count: 50_000 },
  },
  events: {
    attempts: 8,
    backoff: { type: 'exponential', delayMs: 1000 },
    concurrency: 10,
    keepCompleted: { ageSeconds: DAY, count: 10_000 },
    keepFailed: { ageSeconds: 30 * DAY, count: 50_000 },
  },
});
