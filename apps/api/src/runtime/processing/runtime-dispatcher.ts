import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { ROOT_LOGGER } from '../../config/app-config.js';
import { QueueService } from '../../queues/queue.service.js';
import { Clock } from '../clock.js';
import { OutboxRepository, type OutboxRecord } from './outbox.repository.js';

/** Outbox types the step already applied in its transaction: nothing left to perform. */
const APPLIED_IN_STEP = new Set(['cancel_timer', 'handoff']);

export interface SweepResult {
  readonly outbox: number;
  readonly timers: number;
}

/**
 * Turns what a committed step produced into jobs: each pending outbox row becomes an `outbound`
 * job (job id from the row id), each `schedule_timer` row a delayed `timers` job (job id from
 * the session_timers row id) and is then marked done. Enqueueing happens after the commit, so
 * a crash in between loses the jobs, not the rows: the sweep (dispatch-sweeper.ts) re-enqueues
 * pending rows older than a few seconds and pending timers about to come due; the explicit job
 * ids make every re-add of a job that still exists a no-op.
 */
@Injectable()
export class RuntimeDispatcher {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: QueueService,
    private readonly outbox: OutboxRepository,
    private readonly clock: Clock,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  /** After inbound events were processed (or found processed): dispatch what their conversations have pending. */
  async afterInbound(eventIds: readonly string[]): Promise<void> {
    const rows = await this.dataSource.query<{ conversation_id: string }[]>(
      `SELECT DISTINCT m.conversation_id FROM inbound_events e
         JOIN messages m ON m.workspace_id = e.workspace_id AND m.channel = e.channel AND m.provider_message_id = e.provider_key
        WHERE e.id = ANY($1::uuid[])`,
      [eventIds],
    );
    await this.dispatchConversations(rows.map((r) => r.conversation_id));
  }

  /** After a timer fired: dispatch what its conversation has pending. */
  async afterTimer(timerRowId: string): Promise<void> {
    const rows = await this.dataSource.query<{ conversation_id: string }[]>(
      `SELECT s.conversation_id FROM session_timers t JOIN flow_sessions s ON s.id = t.session_id WHERE t.id = $1`,
      [timerRowId],
    );
    await this.dispatchConversations(rows.map((r) => r.conversation_id));
  }

  async dispatchConversations(conversationIds: readonly string[]): Promise<void> {
    for (const row of await this.outbox.listPendingForConversations(conversationIds)) await this.dispatch(row);
  }

  async dispatch(row: OutboxRecord): Promise<void> {
    if (row.type === 'schedule_timer') {
      const timer = (
        await this.dataSource.query<{ id: string; fire_at: Date; status: string }[]>(`SELECT id, fire_at, status FROM session_timers WHERE timer_id = $1 AND workspace_id = $2`, [
          row.effectId,
          row.workspaceId,
        ])
      )[0];
      if (timer?.status === 'pending') await this.armTimer(timer.id, timer.fire_at);
      await this.outbox.markDone(row.id, this.clock.now());
      return;
    }
    if (APPLIED_IN_STEP.has(row.type)) {
      await this.outbox.markDone(row.id, this.clock.now());
      return;
    }
    // send, and the types not performed yet (http_request, start_flow…): the outbound processor decides.
    await this.queues.add('outbound', { v: 1, outboxEffectId: row.id });
  }

  async armTimer(timerRowId: string, fireAt: Date): Promise<void> {
    await this.queues.add('timers', { v: 1, timerId: timerRowId }, { delayMs: fireAt.getTime() - this.clock.now().getTime() });
  }

  /**
   * Re-enqueues what may have lost its job: outbox rows still pending `outboxGraceMs` after they
   * were written, and pending timers due within `timerHorizonMs` (overdue ones included: timers
   * that came due while the system was down, or whose delayed job Redis lost).
   */
  async sweep({ outboxGraceMs = 5000, timerHorizonMs = 10_000, limit = 1000 }: { outboxGraceMs?: number; timerHorizonMs?: number; limit?: number } = {}): Promise<SweepResult> {
    const now = this.clock.now();
    const rows = await this.outbox.listPendingOlderThan(new Date(now.getTime() - outboxGraceMs), limit);
    for (const row of rows) await this.dispatch(row);
    const timers = await this.dataSource.query<{ id: string; fire_at: Date }[]>(
      `SELECT id, fire_at FROM session_timers WHERE status = 'pending' AND fire_at <= $1 ORDER BY fire_at LIMIT $2`,
      [new Date(now.getTime() + timerHorizonMs), limit],
    );
    for (const timer of timers) await this.armTimer(timer.id, timer.fire_at);
    if (rows.length + timers.length > 0) this.logger.debug({ outbox: rows.length, timers: timers.length }, 'Dispatcher sweep re-enqueued');
    return { outbox: rows.length, timers: timers.length };
  }
}
