export const DISPATCH_SWEEP_SETTINGS = Symbol('DISPATCH_SWEEP_SETTINGS');

/** Tunables of the dispatcher and its recovery sweep; tests override the token. */
export interface DispatchSweepSettings {
  /** How often the sweep runs; 0 turns the periodic sweep off (it still runs once on start). */
  readonly intervalMs: number;
  /**
   * A row whose job should exist (a pending outbox row, an inbound or external event still
   * `received`, an armed timer past due) is re-enqueued once it is this old: its job may have
   * been lost (a crash between commit and enqueue, a flushed Redis). Re-adding a job that still
   * exists is a no-op, so a generous value only delays recovery.
   */
  readonly lostJobGraceMs: number;
  /**
   * Timers due within this horizon get their delayed job; later ones live only in Postgres
   * until the sweep brings them within it. Must exceed `intervalMs` so no timer is armed late.
   */
  readonly timerHorizonMs: number;
  /** Rows handled per kind and sweep; the next sweep takes the rest. */
  readonly batchSize: number;
}

export const DEFAULT_DISPATCH_SWEEP_SETTINGS: DispatchSweepSettings = Object.freeze({
  intervalMs: 2000,
  lostJobGraceMs: 5000,
  timerHorizonMs: 60_000,
  batchSize: 1000,
});
