import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { QueueService } from '../../queues/queue.service.js';
import { Clock } from '../clock.js';
import type { InlineClaim } from '../inline-send-claims.js';
import { DISPATCH_SWEEP_SETTINGS, type DispatchSweepSettings } from './dispatch-sweep-settings.js';
import { OutboxRepository, type OutboxRecord } from './outbox.repository.js';
import { SendPerformer } from './send-performer.js';

/**
 * Turns what a committed step produced into jobs: each pending outbox row becomes an `outbound`
 * job (job id from the row id); a `schedule_timer` row arms a delayed `timers` job (job id from
 * the session_timers row id) when the timer is due within the arming horizon — later timers
 * stay in Postgres only, and the recovery sweep arms them as they come near — and a
 * `cancel_timer` row removes that job. Enqueueing happens after the commit, so a crash in
 * between loses jobs, never rows: the sweep re-enqueues what has none; the explicit job ids make
 * every re-add of a job that still exists a no-op.
 */
@Injectable()
export class RuntimeDispatcher {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: QueueService,
    private readonly outbox: OutboxRepository,
    private readonly clock: Clock,
    private readonly sends: SendPerformer,
    @Inject(DISPATCH_SWEEP_SETTINGS) private readonly settings: DispatchSweepSettings,
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

  /** Dispatches what these conversations have pending; `claimed`: sends their step already claimed for this process, sent first. */
  async dispatchConversations(conversationIds: readonly string[], claimed: readonly InlineClaim[] = []): Promise<void> {
    // An inline send claims every send of its conversation pending at that moment, in order:
    // the rows it performed are not dispatched again.
    const performed = new Set<string>();
    // A conversation whose step left only sends it claimed, all sent now, has nothing pending to
    // look up (the usual case: under load most steps' pending look-ups found nothing).
    // settled: conversation -> every claim of it complete and wholly sent.
    const settled = new Map<string, boolean>();
    for (const claim of claimed) {
      const sent = await this.sends.performClaimed(claim);
      for (const id of sent) performed.add(id);
      settled.set(claim.conversationId, (settled.get(claim.conversationId) ?? true) && claim.complete && sent.length === claim.sends.length);
    }
    const toLookUp = conversationIds.filter((id) => settled.get(id) !== true);
    for (const row of await this.outbox.listPendingForConversations(toLookUp)) {
      if (performed.has(row.id)) continue;
      for (const id of await this.dispatch(row)) performed.add(id);
    }
  }

  /** Enqueues (or, for an unpaced channel's send, performs) one outbox row; answers the ids of the rows performed here (an inline send performs its conversation's other pending sends too). */
  async dispatch(row: OutboxRecord): Promise<readonly string[]> {
    switch (row.type) {
      case 'schedule_timer': {
        const timer = await this.findTimer(row);
        const horizon = this.clock.now().getTime() + this.settings.timerHorizonMs;
        if (timer?.status === 'pending' && timer.fire_at.getTime() <= horizon) await this.armTimers([{ id: timer.id, fireAt: timer.fire_at }]);
        await this.outbox.markDone(row.id, this.clock.now());
        return [];
      }
      case 'cancel_timer': {
        // The step already marked the row cancelled (firing it would be a no-op); this only frees the queue.
        const timer = await this.findTimer(row);
        if (timer !== undefined) await this.queues.remove('timers', { v: 1, timerId: timer.id });
        await this.outbox.markDone(row.id, this.clock.now());
        return [];
      }
      case 'handoff':
        await this.outbox.markDone(row.id, this.clock.now()); // applied in the step's transaction
        return [];
      case 'send': {
        // Unpaced channels are sent right here; everything else (and any failure) through the queue.
        const performed = await this.sends.tryInline(row);
        if (performed !== null) return performed;
        await this.queues.add('outbound', { v: 1, outboxEffectId: row.id });
        return [];
      }
      default:
        // http_request, start_flow: the outbound processor performs them.
        await this.queues.add('outbound', { v: 1, outboxEffectId: row.id });
        return [];
    }
  }

  /** Creates the delayed jobs of these timer rows and records that they are armed. */
  async armTimers(timers: readonly { id: string; fireAt: Date }[]): Promise<void> {
    if (timers.length === 0) return;
    const now = this.clock.now().getTime();
    await this.queues.addBulk(
      'timers',
      timers.map(({ id, fireAt }) => ({ payload: { v: 1, timerId: id }, delayMs: fireAt.getTime() - now })),
    );
    await this.dataSource.query(`UPDATE session_timers SET armed_at = $2 WHERE id = ANY($1::uuid[])`, [timers.map((t) => t.id), new Date(now)]);
  }

  private async findTimer(row: OutboxRecord): Promise<{ id: string; fire_at: Date; status: string } | undefined> {
    // schedule_timer rows are keyed by the timer id; cancel_timer rows by `<timer id>:cancel`.
    const timerId = row.type === 'cancel_timer' ? String(row.payload['timerId']) : row.effectId;
    const rows = await this.dataSource.query<{ id: string; fire_at: Date; status: string }[]>(
      `SELECT id, fire_at, status FROM session_timers WHERE timer_id = $1 AND workspace_id = $2`,
      [timerId, row.workspaceId],
    );
    return rows[0];
  }
}
