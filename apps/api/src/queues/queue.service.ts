import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import type { Logger } from 'pino';
import { APP_CONFIG, ROOT_LOGGER, type AppConfig } from '../config/app-config.js';
import { classifyJobError } from './job-error.js';
import { parseJobPayload } from './parse-job-payload.js';
import type { JobData, QueueBackend, QueueBackendKind, QueueHandle, WorkerHandle } from './queue-backend.js';
import { jobIdFor, QUEUE_NAMES, type QueueName, type QueuePayload } from './queue-names.js';
import { jobRetention } from './queue-policies.js';
import { WorkerCircuit } from './worker-circuit.js';
import { QUEUE_BACKEND, QUEUE_SETTINGS, type QueueSettings } from './queue-settings.js';

/** What a processor learns about the job besides its payload. */
export interface JobContext {
  readonly jobId: string;
  /** 1 on the first try. */
  readonly attempt: number;
}

/** Handles one job. Throw a JobError to say whose fault a failure is (job-error.ts). */
export type JobHandler<Q extends QueueName> = (payload: QueuePayload<Q>, context: JobContext) => Promise<void>;

export interface QueueCounts {
  readonly name: QueueName;
  readonly waiting: number;
  readonly active: number;
  readonly delayed: number;
  readonly failed: number;
}

export interface FailedJob {
  readonly id: string;
  readonly name: string;
  readonly failedReason: string;
  readonly attemptsMade: number;
  /** When the job was created, in ms since the epoch. */
  readonly timestamp: number;
  /** When it failed for good, in ms since the epoch. */
  readonly finishedOn: number | undefined;
}

export interface QueueStatus {
  readonly status: 'up' | 'down';
  readonly backend: QueueBackendKind;
}

/** How long a request that stored its row waits for the queue before answering anyway. */
const ENQUEUE_AFTER_STORE_TIMEOUT_MS = 1000;
/** A health probe must answer even when Redis or Postgres hangs. */
const PROBE_TIMEOUT_MS = 2000;
/** Rows per ensureJobs call whose job's state is looked at (the rest only get the bulk add). */
export const ENSURE_JOBS_INSPECTED = 50;

/**
 * The app's job queues (queue-names.ts): enqueue by id, register a processor per queue.
 * Workers run only in a process whose ROLE is `worker` or `all`; in an `api` process
 * registerProcessor just records the handler. On shutdown the workers stop taking jobs and
 * finish the ones in flight (bounded), before the HTTP server and the database close.
 */
@Injectable()
export class QueueService implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly queues: ReadonlyMap<QueueName, QueueHandle>;
  private readonly handlers = new Map<QueueName, { handler: JobHandler<QueueName>; concurrency: number }>();
  private readonly workers = new Map<QueueName, WorkerHandle>();
  private readonly circuits = new Map<QueueName, WorkerCircuit>();
  private readonly runWorkers: boolean;
  private started = false;
  private stopping = false;
  /** Runs of just-stored rows' jobs in this process (runHere), until they settle. */
  private readonly runningHere = new Set<Promise<void>>();

  constructor(
    @Inject(QUEUE_BACKEND) private readonly backend: QueueBackend,
    @Inject(QUEUE_SETTINGS) private readonly settings: QueueSettings,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {
    this.runWorkers = config.role === 'worker' || config.role === 'all';
    this.queues = new Map(
      QUEUE_NAMES.map((name) => {
        const policy = settings.policies[name];
        const queue = backend.createQueue(name, {
          defaultJobOptions: {
            attempts: policy.attempts,
            backoff: { type: policy.backoff.type, delay: policy.backoff.delayMs },
            removeOnComplete: jobRetention(backend.kind, policy.keepCompleted, 'completed'),
            removeOnFail: jobRetention(backend.kind, policy.keepFailed, 'failed'),
          },
        });
        // Without a listener a connection error would crash the process; health reports it.
        queue.on('error', (error: Error) => this.logger.warn({ err: error, queue: name }, 'Queue connection error'));
        return [name, queue] as const;
      }),
    );
  }

  get backendKind(): QueueBackendKind {
    return this.backend.kind;
  }

  /**
   * Enqueues a job for the row the payload names. The job id is derived from that row, so
   * adding it again while the job is kept (pending, or completed/failed within the queue's
   * retention) is a no-op. Resolves once the job is stored.
   */
  async add<Q extends QueueName>(queue: Q, payload: QueuePayload<Q>, options: { delayMs?: number } = {}): Promise<void> {
    const jobId = jobIdFor(queue, payload);
    await this.queue(queue).add(queue, payload as unknown as JobData, {
      jobId,
      ...(options.delayMs !== undefined && options.delayMs > 0 ? { delay: Math.round(options.delayMs) } : {}),
    });
  }

  /**
   * For a row that is already stored (an inbound webhook, an event): enqueue it, but never make
   * the caller fail or wait long because the queue store is down — the row is the promise, and
   * the recovery sweep enqueues rows that have no job. Resolves to whether the job was added.
   */
  async addAfterStore<Q extends QueueName>(queue: Q, payload: QueuePayload<Q>, { timeoutMs = ENQUEUE_AFTER_STORE_TIMEOUT_MS }: { timeoutMs?: number } = {}): Promise<boolean> {
    if (this.runHere(queue, payload)) return true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    try {
      const added = await Promise.race([this.add(queue, payload).then(() => true), timeout]);
      if (!added) this.logger.warn({ queue, jobId: jobIdFor(queue, payload) }, 'Enqueueing a stored row timed out; the recovery sweep will enqueue it');
      return added;
    } catch (error) {
      this.logger.warn({ err: error, queue, jobId: jobIdFor(queue, payload) }, 'Enqueueing a stored row failed; the recovery sweep will enqueue it');
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * A worker process with room to spare runs a just-stored row's job itself, at once, instead of
   * sending it to the queue store and taking it back: on Redis three round trips to the store,
   * on the PostgreSQL backend three transactions of BullMQ's (add, take, complete) — half of
   * PostgreSQL's work per message there. Only while fewer than `runStoredHere` such runs are in
   * flight: under load the queue takes the rest and spreads it over every worker. A run that
   * fails is handed to the queue, which tries it again like any job after the queue's first
   * backoff (the handler has settled whatever it settles on a first attempt); a process that
   * dies mid-run leaves the row unsettled, and the recovery sweep adds its job.
   */
  private runHere<Q extends QueueName>(queue: Q, payload: QueuePayload<Q>): boolean {
    const entry = this.handlers.get(queue);
    if (!this.runWorkers || !this.started || this.stopping || entry === undefined || this.runningHere.size >= this.settings.runStoredHere) return false;
    const jobId = jobIdFor(queue, payload);
    const run = (async () => {
      try {
        await entry.handler(parseJobPayload(queue, payload as unknown as JobData), { jobId, attempt: 1 });
      } catch (error) {
        this.logger.warn({ err: error, queue, jobId, kind: classifyJobError(error) }, 'A stored row run here failed; the queue will try it again');
        await this.add(queue, payload, { delayMs: this.settings.policies[queue].backoff.delayMs }).catch((cause: unknown) => {
          this.logger.warn({ err: cause, queue, jobId }, 'Enqueueing a failed run failed; the recovery sweep will enqueue it');
        });
      }
    })();
    this.runningHere.add(run);
    void run.finally(() => this.runningHere.delete(run));
    return true;
  }

  /** Enqueues several jobs of one queue in one round trip; the same job-id rules as `add`. */
  async addBulk<Q extends QueueName>(queue: Q, jobs: readonly { payload: QueuePayload<Q>; delayMs?: number }[]): Promise<void> {
    if (jobs.length === 0) return;
    await this.queue(queue).addBulk(
      jobs.map(({ payload, delayMs }) => ({
        name: queue,
        data: payload as unknown as JobData,
        opts: { jobId: jobIdFor(queue, payload), ...(delayMs !== undefined && delayMs > 0 ? { delay: Math.round(delayMs) } : {}) },
      })),
    );
  }

  /**
   * Makes sure a job exists for each row, for rows the recovery sweep found without progress
   * (oldest first): adds the missing ones, retries the ones that failed in the queue without
   * their handler ever settling the row (a job failed for stalling, i.e. crashing workers, too
   * often), and runs again the ones that completed while the row stayed unsettled. Jobs
   * waiting, delayed or running are left alone.
   *
   * Its cost must not grow with a backlog: under load (Black Friday) thousands of rows are
   * merely waiting their turn, and every worker sweeps every few seconds. So only the `inspect`
   * oldest rows have their job looked at (and revived if failed or completed); the others get
   * one bulk add — a single round trip, a no-op for a job that exists — which brings back the
   * jobs the queue lost. A row stuck with a failed or completed job stops moving, becomes one
   * of the oldest, and is revived by a later sweep.
   */
  async ensureJobs<Q extends QueueName>(
    queue: Q,
    payloads: readonly QueuePayload<Q>[],
    { inspect = ENSURE_JOBS_INSPECTED }: { inspect?: number } = {},
  ): Promise<{ ensured: number; revived: number }> {
    let revived = 0;
    const missing: QueuePayload<Q>[] = [];
    for (const payload of payloads.slice(0, inspect)) {
      const job = await this.queue(queue).getJob(jobIdFor(queue, payload));
      if (job === undefined || job === null) {
        missing.push(payload);
        continue;
      }
      const state = await job.getState();
      if (state === 'failed') {
        await job.retry('failed');
        revived += 1;
      } else if (state === 'completed') {
        // It ran and left the row unsettled (it handed the row to a job that then died): run it again.
        await job.remove();
        missing.push(payload);
        revived += 1;
      }
    }
    // The rest in one round trip: adding a job that exists is a no-op.
    await this.addBulk(queue, [...missing, ...payloads.slice(inspect)].map((payload) => ({ payload })));
    return { ensured: payloads.length, revived };
  }

  /**
   * Removes the job of the row the payload names, if it is still waiting or delayed (a
   * cancelled timer). A job already running is left alone: its handler sees the row's new state.
   */
  async remove<Q extends QueueName>(queue: Q, payload: QueuePayload<Q>): Promise<boolean> {
    return (await this.queue(queue).remove(jobIdFor(queue, payload))) === 1;
  }

  /**
   * Sets the one processor of a queue. Call it from a module's `onModuleInit`; its workers start
   * when the app has booted (and only in a worker process).
   */
  registerProcessor<Q extends QueueName>(queue: Q, handler: JobHandler<Q>, options: { concurrency?: number } = {}): void {
    if (this.handlers.has(queue) && this.settings.allowProcessorReplacement !== true) throw new Error(`A processor for the ${queue} queue is already registered`);
    const concurrency = options.concurrency ?? this.settings.policies[queue].concurrency;
    this.handlers.set(queue, { handler: handler as unknown as JobHandler<QueueName>, concurrency });
    if (this.started) this.startWorker(queue);
  }

  onApplicationBootstrap(): void {
    this.started = true;
    for (const queue of this.handlers.keys()) this.startWorker(queue);
  }

  /** Job counts per queue, in QUEUE_NAMES order. */
  async counts(): Promise<QueueCounts[]> {
    return Promise.all(
      QUEUE_NAMES.map(async (name) => {
        const counts = await this.queue(name).getJobCounts('waiting', 'active', 'delayed', 'failed');
        return { name, waiting: counts['waiting'] ?? 0, active: counts['active'] ?? 0, delayed: counts['delayed'] ?? 0, failed: counts['failed'] ?? 0 };
      }),
    );
  }

  /** The most recently failed jobs of a queue, newest first. */
  async findFailed(queue: QueueName, limit: number): Promise<FailedJob[]> {
    const jobs = await this.queue(queue).getFailed(0, limit - 1);
    return jobs.map((job) => ({
      id: job.id ?? '',
      name: job.name,
      failedReason: job.failedReason,
      attemptsMade: job.attemptsMade,
      timestamp: job.timestamp,
      finishedOn: job.finishedOn,
    }));
  }

  /** Whether the queue store answers (a count on one queue), within 2 s. */
  async check(): Promise<QueueStatus> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS);
    });
    try {
      const ok = await Promise.race([this.queue('inbound').getJobCounts('waiting').then(() => true), timeout]);
      return { status: ok ? 'up' : 'down', backend: this.backend.kind };
    } catch {
      return { status: 'down', backend: this.backend.kind };
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Before the HTTP server and the database close: workers stop taking jobs and finish the
   * ones in flight. Past the settings' timeout they are closed by force; their jobs' locks
   * expire and another worker takes them again (BullMQ's stalled-job check).
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    for (const circuit of this.circuits.values()) circuit.close();
    const workers = [...this.workers.entries()];
    this.workers.clear();
    await Promise.all([...workers.map(([name, worker]) => this.stopWorker(name, worker)), this.finishRunsHere()]);
  }

  /** Waits for the runs of stored rows started here (runHere), as long as for workers' jobs; past that their rows are swept later. */
  private async finishRunsHere(): Promise<void> {
    if (this.runningHere.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<true>((resolve) => {
      timer = setTimeout(() => resolve(true), this.settings.shutdownTimeoutMs);
    });
    const gaveUp = await Promise.race([Promise.allSettled([...this.runningHere]).then(() => false), timedOut]);
    clearTimeout(timer);
    if (gaveUp) this.logger.warn({ runs: this.runningHere.size }, 'Runs of stored rows did not finish in time; the recovery sweep will enqueue them');
  }

  /** Last, after in-flight requests are done: the producers' connections. */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close().catch((error: unknown) => this.logger.warn({ err: error }, 'Closing a queue failed'))));
    await this.backend.close().catch((error: unknown) => this.logger.warn({ err: error }, 'Closing the queue backend failed'));
  }

  private queue(name: QueueName): QueueHandle {
    const queue = this.queues.get(name);
    if (queue === undefined) throw new Error(`Unknown queue: ${name}`);
    return queue;
  }

  private startWorker(queue: QueueName): void {
    const entry = this.handlers.get(queue);
    if (!this.runWorkers || this.stopping || entry === undefined || this.workers.has(queue)) return;
    // The handler is looked up per job: a replaced processor (allowProcessorReplacement) takes effect at once.
    const { lockDurationMs, stalledIntervalMs, maxStalledCount } = this.settings;
    const worker = this.backend.createWorker(queue, (job) => this.process(queue, this.handlers.get(queue)?.handler ?? entry.handler, job), {
      concurrency: entry.concurrency,
      lockDurationMs,
      stalledIntervalMs,
      maxStalledCount,
    });
    const circuit = new WorkerCircuit(worker, { queue, logger: this.logger });
    worker.on('error', (error: Error) => circuit.onError(error));
    worker.on('completed', () => circuit.onSuccess());
    this.circuits.set(queue, circuit);
    this.workers.set(queue, worker);
  }

  private async stopWorker(queue: QueueName, worker: WorkerHandle): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<true>((resolve) => {
      timer = setTimeout(() => resolve(true), this.settings.shutdownTimeoutMs);
    });
    try {
      const gaveUp = await Promise.race([worker.close().then(() => false), timedOut]);
      if (gaveUp) {
        this.logger.warn({ queue }, 'In-flight jobs did not finish in time; they will be retried');
        await worker.close(true);
      }
    } catch (error) {
      this.logger.warn({ err: error, queue }, 'Closing a worker failed');
    } finally {
      clearTimeout(timer);
    }
  }

  /** Runs a handler and turns its failure into BullMQ's terms: retry (transient) or fail now. */
  private async process(queue: QueueName, handler: JobHandler<QueueName>, job: Job<JobData, unknown, string>): Promise<void> {
    const jobId = job.id ?? '';
    const attempt = job.attemptsMade + 1;
    try {
      await handler(parseJobPayload(queue, job.data), { jobId, attempt });
    } catch (error) {
      const kind = classifyJobError(error);
      const message = error instanceof Error ? error.message : String(error);
      const log = { err: error, queue, jobId, attempt, kind };
      if (kind === 'transient') {
        this.logger.warn(log, 'Job failed; it will be retried if attempts remain');
        throw error instanceof Error ? error : new Error(message);
      }
      if (kind === 'system') this.logger.error(log, 'Job failed (system error)');
      else this.logger.info(log, 'Job failed (user error)');
      throw new UnrecoverableError(`${kind}: ${message}`);
    }
  }
}
