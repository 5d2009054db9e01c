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
    // Most of an inbound job is waiting: for its sender's turn, then in the batch being written
    // (InboundStepBatch), not on a connection of its own. More jobs at once make larger batches,
    // fewer round trips a message: 64 against 20 took bench:runtime (Redis) from 370-398 to
    // 420-466 messages/s flat out and its steady 500 a second from p99 2.5-4.9 s to 0.5-0.8 s;
    // 128 was no better (docs/benchmarks.md).
    concurrency: 64,
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

/** Completed jobs kept at most this long on the PostgreSQL backend, which keeps them by age only (see jobRetention). */
export const POSTGRES_MAX_COMPLETED_AGE_SECONDS = 60 * 60;

/**
 * BullMQ's retention options for a queue's kept jobs on a backend. On Redis, both limits. On
 * the PostgreSQL backend, age only: there BullMQ trims by count with a DELETE that compares
 * every kept job of the queue with the newest `count` ones, on every completion — 13.5 ms of
 * PostgreSQL time per job with 10,000 kept (pg_stat_statements under `npm run bench:runtime`),
 * three quarters of the database's work — while trimming by age is an index range scan
 * (`job_finished_idx`). Completed jobs are kept at most an hour there, so the table stays small
 * without the count; failed ones for the policy's full age, to be inspected and retried.
 */
export function jobRetention(kind: 'redis' | 'postgres', keep: { readonly ageSeconds: number; readonly count: number }, state: 'completed' | 'failed'): { age: number; count?: number } {
  if (kind === 'redis') return { age: keep.ageSeconds, count: keep.count };
  return { age: state === 'completed' ? Math.min(keep.ageSeconds, POSTGRES_MAX_COMPLETED_AGE_SECONDS) : keep.ageSeconds };
}
