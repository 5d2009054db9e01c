import { createPostgresBackend, Queue, runMigrations, Worker, type DefaultJobOptions, type Processor } from 'bullmq';
import pg from 'pg';
import type { Logger } from 'pino';

export type QueueBackendKind = 'redis' | 'postgres';

/** PostgreSQL schema of BullMQ's own tables, apart from the app's (`public`). */
export const QUEUE_SCHEMA = 'bullmq';

/** A job's data as the queues store it; the service types it per queue. */
export type JobData = Readonly<Record<string, unknown>>;
export type QueueHandle = Queue<JobData, unknown, string>;
export type WorkerHandle = Worker<JobData, unknown, string>;

/**
 * Where the jobs live: BullMQ on Redis, or BullMQ's PostgreSQL backend (the embedded,
 * no-Redis deployment). Both build the same Queue and Worker classes, so the processors
 * cannot tell them apart.
 */
export interface QueueBackend {
  readonly kind: QueueBackendKind;
  createQueue(name: string, options: { defaultJobOptions: DefaultJobOptions }): QueueHandle;
  createWorker(name: string, processor: Processor<JobData, unknown, string>, options: WorkerTuning): WorkerHandle;
  /** Releases what the backend itself holds, after every queue and worker has closed. */
  close(): Promise<void>;
}

/** How a worker takes jobs, and how soon a crashed worker's jobs are taken again. */
export interface WorkerTuning {
  readonly concurrency: number;
  /** A job's lock; renewed while it runs, so only a dead worker lets it lapse. */
  readonly lockDurationMs: number;
  /** How often jobs with a lapsed lock (their worker died) are put back to wait. */
  readonly stalledIntervalMs: number;
  /**
   * Stalls a job survives before it fails. Every job here is idempotent (the rows say what was
   * done), so a job caught in several crashes is simply run again.
   */
  readonly maxStalledCount: number;
}

function workerOptions({ concurrency, lockDurationMs, stalledIntervalMs, maxStalledCount }: WorkerTuning) {
  return { concurrency, lockDuration: lockDurationMs, stalledInterval: stalledIntervalMs, maxStalledCount };
}

export interface ChooseQueueBackendInput {
  /** REDIS_URL: when set, the queues run on Redis. */
  readonly redisUrl: string | undefined;
  /** The database the app runs on (DATABASE_URL or the embedded server's). */
  readonly databaseUrl: string;
  /** Namespaces the Redis keys (default `bull`); tests use a fresh one each. */
  readonly redisPrefix?: string;
  readonly logger: Logger;
}

/** Connections of the PostgreSQL backend's shared pool: one held by each worker (LISTEN), the rest shared. */
const POSTGRES_POOL_SIZE = 20;

/**
 * Redis when REDIS_URL is set, else the PostgreSQL backend on the app's own database (its
 * tables in the `bullmq` schema, created or upgraded here).
 */
export async function openQueueBackend({ redisUrl, databaseUrl, redisPrefix, logger }: ChooseQueueBackendInput): Promise<QueueBackend> {
  if (redisUrl !== undefined) {
    const prefix = redisPrefix ?? 'bull';
    return {
      kind: 'redis',
      createQueue: (name, { defaultJobOptions }) => new Queue(name, { connection: { url: redisUrl }, prefix, defaultJobOptions }),
      // Workers block on Redis: ioredis must retry forever instead of failing the loop.
      createWorker: (name, processor, tuning) =>
        new Worker(name, processor, { connection: { url: redisUrl, maxRetriesPerRequest: null }, prefix, ...workerOptions(tuning) }),
      close: () => Promise.resolve(),
    };
  }
  // One pool for every queue and worker, ours rather than BullMQ's: BullMQ's own pools leave
  // a checked-out client without an 'error' listener, and a dropped connection then crashes
  // the process. Here every client gets one. BullMQ reads a user pool's schema as `bullmq`.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: POSTGRES_POOL_SIZE, application_name: 'jornada-queue', options: `-c search_path=${QUEUE_SCHEMA}`, connectionTimeoutMillis: 5000 });
  const onError = (error: Error): void => logger.warn({ err: error }, 'Queue database connection error');
  pool.on('error', onError);
  pool.on('connect', (client) => client.on('error', onError));
  try {
    const client = await pool.connect();
    try {
      await runMigrations(client, QUEUE_SCHEMA);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  return {
    kind: 'postgres',
    createQueue: (name, { defaultJobOptions }) => new Queue(name, { connection: pool, defaultJobOptions }, createPostgresBackend) as unknown as QueueHandle,
    createWorker: (name, processor, tuning) =>
      new Worker(name, processor, { connection: pool, ...workerOptions(tuning) }, createPostgresBackend) as unknown as WorkerHandle,
    close: () => pool.end(),
  };
}
