import type { FlowDocument, FlowOperation } from '@jornada/flow-engine';
import { isApiError } from '../api/api-error.js';

/** The draft as the server holds it after a 409: what another tab or person saved. */
export interface TheirDraft {
  readonly revision: number;
  readonly document: unknown;
}

export type SaveStatus =
  | { readonly kind: 'saved' }
  /** Edits wait for the debounce. */
  | { readonly kind: 'pending' }
  | { readonly kind: 'saving' }
  /** The server could not be reached (or failed): edits are kept and sent again at `retryAt`. */
  | { readonly kind: 'offline'; readonly retryAt: number }
  /** Someone else saved since our revision: nothing is sent until the marketer chooses. */
  | { readonly kind: 'conflict'; readonly theirs: TheirDraft }
  /** The server refused for a reason retrying cannot fix (e.g. the role may not edit). */
  | { readonly kind: 'failed'; readonly error: unknown };

export interface AutosaveOptions {
  /** The draft revision the editor loaded. */
  readonly revision: number;
  /** Sends operations made at `revision`; answers the new revision (POST …/draft/operations). */
  readonly sendOperations: (input: { revision: number; operations: FlowOperation[] }) => Promise<{ revision: number }>;
  /** Saves the whole document at `revision` (PUT …/draft): the fallback when operations are refused. */
  readonly saveDocument: (input: { revision: number; document: FlowDocument }) => Promise<{ revision: number }>;
  /** The editor's document now (with every queued operation applied). */
  readonly currentDocument: () => FlowDocument;
  readonly onStatus: (status: SaveStatus) => void;
  readonly debounceMs?: number;
  readonly timers?: { set: (run: () => void, ms: number) => unknown; clear: (handle: unknown) => void; now: () => number };
}

const RETRY_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

/** Thrown by `flush()` when the draft could not be saved (offline, conflict, refused). */
export class SaveBlockedError extends Error {
  constructor(readonly status: SaveStatus) {
    super(`The draft is not saved (${status.kind}).`);
    this.name = 'SaveBlockedError';
  }
}

/**
 * Saves the editor's draft as it is edited: operations queue up, leave together ~800 ms after
 * the last edit, one request at a time, each at the revision the previous answer gave. A lost
 * connection keeps the queue and retries with backoff; a 409 `draft_conflict` stops everything
 * until the marketer picks a side (nothing is ever overwritten silently). If the server refuses
 * the operations themselves (our copy and the server's disagree), the whole document is saved
 * instead at our revision, which still fails safely on a conflict.
 */
export class Autosave {
  private revisionNow: number;
  private queue: FlowOperation[] = [];
  private inflight: Promise<void> | null = null;
  private timer: unknown = null;
  private attempts = 0;
  private statusNow: SaveStatus = { kind: 'saved' };
  private disposed = false;
  private lastEditAt = 0;
  private readonly options: AutosaveOptions;
  private readonly timers: NonNullable<AutosaveOptions['timers']>;

  constructor(options: AutosaveOptions) {
    this.options = options;
    this.revisionNow = options.revision;
    this.timers = options.timers ?? {
      set: (run, ms) => setTimeout(run, ms),
      clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      now: () => Date.now(),
    };
  }

  get revision(): number {
    return this.revisionNow;
  }

  get status(): SaveStatus {
    return this.statusNow;
  }

  /** True while edits exist that the server does not have. */
  get dirty(): boolean {
    return this.queue.length > 0 || this.inflight !== null;
  }

  /** Queues an operation the editor applied; it leaves after the debounce. */
  enqueue(operation: FlowOperation): void {
    this.queue.push(operation);
    this.lastEditAt = this.timers.now();
    if (this.statusNow.kind === 'conflict' || this.statusNow.kind === 'failed') return;
    if (this.statusNow.kind !== 'offline') this.setStatus({ kind: 'pending' });
    if (this.statusNow.kind === 'pending') this.schedule(this.options.debounceMs ?? 800);
  }

  /** Sends everything now and resolves once the server has it; rejects with SaveBlockedError otherwise. */
  async flush(): Promise<void> {
    this.cancelTimer();
    for (let round = 0; round < 100 && !this.disposed; round++) {
      if (this.inflight !== null) {
        await this.inflight;
        continue;
      }
      if (this.statusNow.kind === 'conflict' || this.statusNow.kind === 'failed') throw new SaveBlockedError(this.statusNow);
      if (this.queue.length === 0) return;
      await this.send();
      if (this.statusNow.kind === 'offline') throw new SaveBlockedError(this.statusNow);
    }
  }

  /** Conflict, "load theirs": drops our queued edits and continues from their revision. */
  acceptTheirs(revision: number): void {
    this.cancelTimer();
    this.queue = [];
    this.revisionNow = revision;
    this.attempts = 0;
    this.setStatus({ kind: 'saved' });
  }

  /** Conflict, "keep mine": saves our whole document over theirs, knowingly, at their revision. */
  async overwrite(theirRevision: number): Promise<void> {
    this.cancelTimer();
    this.queue = [];
    this.revisionNow = theirRevision;
    this.attempts = 0;
    this.setStatus({ kind: 'saving' });
    await this.track(this.saveWhole());
    if (this.statusNow.kind !== 'saved' && this.statusNow.kind !== 'pending') throw new SaveBlockedError(this.statusNow);
  }

  /** Retries now (the "Retry" of an offline or failed state). */
  retry(): void {
    if (this.statusNow.kind === 'conflict') return;
    this.attempts = 0;
    this.setStatus({ kind: this.queue.length > 0 ? 'pending' : 'saved' });
    if (this.queue.length > 0) this.schedule(0);
  }

  /** Stops timers and status reports (the editor unmounted); `activate()` undoes it (a remount). */
  dispose(): void {
    this.disposed = true;
    this.cancelTimer();
  }

  activate(): void {
    if (!this.disposed) return;
    this.disposed = false;
    this.onStatusAgain();
  }

  private onStatusAgain(): void {
    this.options.onStatus(this.statusNow);
    if (this.queue.length > 0 && this.statusNow.kind === 'pending') this.schedule(this.options.debounceMs ?? 800);
  }

  private schedule(ms: number): void {
    this.cancelTimer();
    this.timer = this.timers.set(() => {
      this.timer = null;
      // One request at a time: what is queued meanwhile leaves when the current one answers.
      if (this.inflight === null) void this.send();
    }, ms);
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
  }

  private send(): Promise<void> {
    if (this.queue.length === 0 || this.disposed) return Promise.resolve();
    const batch = this.queue;
    this.queue = [];
    this.setStatus({ kind: 'saving' });
    return this.track(
      this.options.sendOperations({ revision: this.revisionNow, operations: batch }).then(
        (saved) => this.saved(saved.revision),
        (error: unknown) => {
          if (isRefusal(error)) {
            // The server could not apply our operations: our copy drifted. Our document is what
            // the marketer sees, so save it whole (still guarded by the revision).
            return this.saveWhole();
          }
          this.queue = [...batch, ...this.queue];
          this.failed(error);
          return undefined;
        },
      ),
    );
  }

  private saveWhole(): Promise<void> {
    // The document now includes every edit queued so far; edits made while it travels stay queued.
    const included = this.queue.length;
    return this.options.saveDocument({ revision: this.revisionNow, document: this.options.currentDocument() }).then(
      (saved) => {
        this.queue.splice(0, included);
        this.saved(saved.revision);
      },
      (error: unknown) => this.failed(error),
    );
  }

  private track(work: Promise<void>): Promise<void> {
    const running = work.finally(() => {
      if (this.inflight === running) this.inflight = null;
    });
    this.inflight = running;
    return running;
  }

  private saved(revision: number): void {
    this.revisionNow = revision;
    this.attempts = 0;
    if (this.queue.length > 0) {
      // Edits made during the request: their debounce counts from the last one.
      this.setStatus({ kind: 'pending' });
      this.schedule(Math.max(0, this.lastEditAt + (this.options.debounceMs ?? 800) - this.timers.now()));
    } else {
      this.setStatus({ kind: 'saved' });
    }
  }

  private failed(error: unknown): void {
    if (isApiError(error) && error.code === 'draft_conflict') {
      this.setStatus({ kind: 'conflict', theirs: readTheirs(error.meta['current'], this.revisionNow) });
      return;
    }
    if (isTransient(error)) {
      const wait = RETRY_MS[Math.min(this.attempts, RETRY_MS.length - 1)] ?? 30_000;
      this.attempts += 1;
      this.setStatus({ kind: 'offline', retryAt: this.timers.now() + wait });
      this.cancelTimer();
      this.timer = this.timers.set(() => {
        this.timer = null;
        if (this.statusNow.kind === 'offline') void this.send();
      }, wait);
      return;
    }
    this.setStatus({ kind: 'failed', error });
  }

  private setStatus(status: SaveStatus): void {
    this.statusNow = status;
    if (!this.disposed) this.options.onStatus(status);
  }
}

/** No connection, a server failure or a rate limit: worth sending again later. */
function isTransient(error: unknown): boolean {
  if (!isApiError(error)) return true;
  return error.status === 0 || error.status >= 500 || error.status === 429 || error.status === 408;
}

/** The server understood the request but could not apply the operations (or does not know the route). */
function isRefusal(error: unknown): boolean {
  if (!isApiError(error)) return false;
  if (error.code === 'draft_conflict') return false;
  return error.status === 400 || error.status === 422 || error.status === 404 || error.status === 405;
}

function readTheirs(current: unknown, fallbackRevision: number): TheirDraft {
  if (typeof current === 'object' && current !== null && 'revision' in current && typeof current.revision === 'number') {
    return { revision: current.revision, document: 'document' in current ? current.document : undefined };
  }
  return { revision: fallbackRevision, document: undefined };
}
