import type { Logger } from 'pino';
import { isConnectionFailure as isStoreUnreachable } from '../database/connection-failure.js';

export { isStoreUnreachable };

/** The part of a BullMQ worker the circuit drives. */
export interface PausableWorker {
  pause(doNotWaitActive?: boolean): Promise<void>;
  resume(): Promise<void> | void;
}

export interface WorkerCircuitOptions {
  readonly queue: string;
  readonly logger: Logger;
  /** First pause; doubled on every trip while the store stays down. */
  readonly minPauseMs?: number;
  readonly maxPauseMs?: number;
}

/**
 * A circuit breaker around one worker. BullMQ retries a failed fetch at once unless the error
 * looks like a Redis connection error, so with the PostgreSQL backend a database outage turns
 * the worker loop into thousands of failing fetches (and log lines) a second. When the store is
 * unreachable the worker is paused (jobs in flight finish or fail on their own), resumed after
 * a pause that doubles while the outage lasts, and one line is logged per trip instead of one
 * per failed fetch. Other worker errors are logged, at most one line a second with a count.
 */
export class WorkerCircuit {
  private pauseMs: number;
  private open = false;
  private timer: NodeJS.Timeout | undefined;
  private suppressed = 0;
  private lastLoggedAt = 0;
  private closed = false;

  constructor(
    private readonly worker: PausableWorker,
    private readonly options: WorkerCircuitOptions,
  ) {
    this.pauseMs = options.minPauseMs ?? 500;
  }

  /** Call with every 'error' the worker emits. */
  onError(error: Error): void {
    if (this.closed) return;
    if (isStoreUnreachable(error)) {
      this.trip(error);
      return;
    }
    const now = Date.now();
    if (now - this.lastLoggedAt < 1000) {
      this.suppressed += 1;
      return;
    }
    this.options.logger.warn({ err: error, queue: this.options.queue, ...(this.suppressed > 0 ? { suppressed: this.suppressed } : {}) }, 'Worker error');
    this.lastLoggedAt = now;
    this.suppressed = 0;
  }

  /** A job ran: the store answers again, so the next outage starts from the shortest pause. */
  onSuccess(): void {
    this.pauseMs = this.options.minPauseMs ?? 500;
  }

  /** Stops resuming (shutdown). */
  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
  }

  private trip(error: Error): void {
    if (this.open) return;
    this.open = true;
    const pauseMs = this.pauseMs;
    this.pauseMs = Math.min(this.pauseMs * 2, this.options.maxPauseMs ?? 30_000);
    this.options.logger.warn({ err: error, queue: this.options.queue, pauseMs }, 'Queue store unreachable: worker paused');
    void this.worker.pause(true).catch(() => undefined);
    this.timer = setTimeout(() => {
      this.open = false;
      if (this.closed) return;
      void Promise.resolve(this.worker.resume()).catch(() => undefined);
    }, pauseMs);
    this.timer.unref(); // never what keeps a stopping process alive
  }
}
