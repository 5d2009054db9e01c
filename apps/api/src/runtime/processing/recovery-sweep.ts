import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { ROOT_LOGGER } from '../../config/app-config.js';
import { QueueService } from '../../queues/queue.service.js';
import { Clock } from '../clock.js';
import { DISPATCH_SWEEP_SETTINGS, type DispatchSweepSettings } from './dispatch-sweep-settings.js';
import { OutboxRepository } from './outbox.repository.js';
import { RuntimeDispatcher } from './runtime-dispatcher.js';

/** Outbox rows the outbound queue performs; the rest are bookkeeping the dispatcher finishes. */
const PERFORMED_BY_OUTBOUND = new Set(['send', 'http_request', 'start_flow']);

export interface SweepResult {
  /** Pending outbox rows re-dispatched. */
  readonly outbox: number;
  /** Timers that came within the horizon and got their delayed job. */
  readonly timersArmed: number;
  /** Armed timers past due and still pending: their job was re-added (lost jobs, downtime). */
  readonly timersRearmed: number;
  /** Inbound events still `received` after the grace: their job was re-added. */
  readonly inbound: number;
  /** External events still `received` after the grace: their job was re-added. */
  readonly events: number;
}

/**
 * Postgres is the system of record and the queue only carries work, so whatever the queue lost
 * (a crash between commit and enqueue, a flushed or restarted Redis, a process killed with its
 * jobs) is found again here from the rows and re-enqueued under the same job ids; a job that
 * still exists is left alone, unless the queue failed it without its handler settling the row
 * (it stalled in too many crashes): that one is retried. It also arms timers as they come within the horizon. Run on start
 * (timers that came due during downtime fire then) and periodically by DispatchSweeper, in every
 * worker process; concurrent sweeps are harmless.
 */
@Injectable()
export class RecoverySweep {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: QueueService,
    private readonly outbox: OutboxRepository,
    private readonly dispatcher: RuntimeDispatcher,
    private readonly clock: Clock,
    @Inject(DISPATCH_SWEEP_SETTINGS) private readonly settings: DispatchSweepSettings,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  async run(overrides: Partial<Pick<DispatchSweepSettings, 'lostJobGraceMs' | 'timerHorizonMs' | 'batchSize'>> = {}): Promise<SweepResult> {
    const { lostJobGraceMs, timerHorizonMs, batchSize } = { ...this.settings, ...overrides };
    const now = this.clock.now().getTime();
    const lostBefore = new Date(now - lostJobGraceMs);

    const rows = await this.outbox.listPendingOlderThan(lostBefore, batchSize);
    const performed = rows.filter((row) => PERFORMED_BY_OUTBOUND.has(row.type));
    for (const row of rows) if (!PERFORMED_BY_OUTBOUND.has(row.type)) await this.dispatcher.dispatch(row);
    await this.queues.ensureJobs('outbound', performed.map((row) => ({ v: 1 as const, outboxEffectId: row.id })));

    const unarmed = await this.dataSource.query<{ id: string; fire_at: Date }[]>(
      `SELECT id, fire_at FROM session_timers WHERE status = 'pending' AND armed_at IS NULL AND fire_at <= $1 ORDER BY fire_at LIMIT $2`,
      [new Date(now + timerHorizonMs), batchSize],
    );
    await this.dispatcher.armTimers(unarmed.map((t) => ({ id: t.id, fireAt: t.fire_at })));

    const overdue = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM session_timers WHERE status = 'pending' AND armed_at IS NOT NULL AND fire_at <= $1 ORDER BY fire_at LIMIT $2`,
      [lostBefore, batchSize],
    );
    await this.queues.ensureJobs('timers', overdue.map((t) => ({ v: 1 as const, timerId: t.id })));

    const inbound = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM inbound_events WHERE status = 'received' AND received_at <= $1 ORDER BY received_at, seq LIMIT $2`,
      [lostBefore, batchSize],
    );
    await this.queues.ensureJobs('inbound', inbound.map((e) => ({ v: 1 as const, inboundEventId: e.id })));

    const events = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM external_events WHERE status = 'received' AND received_at <= $1 ORDER BY received_at LIMIT $2`,
      [lostBefore, batchSize],
    );
    await this.queues.ensureJobs('events', events.map((e) => ({ v: 1 as const, externalEventId: e.id })));

    const result = { outbox: rows.length, timersArmed: unarmed.length, timersRearmed: overdue.length, inbound: inbound.length, events: events.length };
    if (rows.length + overdue.length + inbound.length + events.length > 0) this.logger.info(result, 'Recovery sweep re-enqueued work');
    return result;
  }
}
