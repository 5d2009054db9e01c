import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SessionTimerStatus } from '../database/entities/session-timer.entity.js';
import { Clock } from './clock.js';
import { ConversationRepository } from './conversation.repository.js';
import { FlowSessionRepository } from './flow-session.repository.js';
import { lockConversation } from './runtime-sql.js';
import { SessionStepper } from './session-stepper.js';

export interface FireTimerCommand {
  readonly workspaceId: string;
  /** The engine's timer id (session_timers.timer_id). */
  readonly timerId: string;
}

export type FireTimerResult =
  | { readonly status: 'fired' }
  /** The session moved on (or ended): the timer is marked stale and nothing happens. */
  | { readonly status: 'stale' }
  /** Already handled, or cancelled: a no-op (a duplicate or late job). */
  | { readonly status: 'already'; readonly timerStatus: Exclude<SessionTimerStatus, 'pending'> }
  /** Not due yet by the clock: re-arm the job for `fireAt`. */
  | { readonly status: 'not_due'; readonly fireAt: Date }
  | { readonly status: 'not_found' };

interface TimerRow {
  session_id: string;
  conversation_id: string;
  status: SessionTimerStatus;
  fire_at: Date;
}

/**
 * Fires a due timer: under the conversation lock, steps the session with a timer event and
 * saves the result like an inbound message. A cancelled or already-fired timer is a no-op; a
 * timer the session no longer waits on (the engine ignores it) is marked stale.
 */
@Injectable()
export class FireTimerUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: FlowSessionRepository,
    private readonly conversations: ConversationRepository,
    private readonly stepper: SessionStepper,
    private readonly clock: Clock,
  ) {}

  async execute({ workspaceId, timerId }: FireTimerCommand): Promise<FireTimerResult> {
    return this.dataSource.transaction(async (tx) => {
      const sql = `SELECT t.session_id, s.conversation_id, t.status, t.fire_at FROM session_timers t JOIN flow_sessions s ON s.id = t.session_id
                    WHERE t.workspace_id = $1 AND t.timer_id = $2`;
      const found = (await tx.query<TimerRow[]>(sql, [workspaceId, timerId]))[0];
      if (found === undefined) return { status: 'not_found' };
      await lockConversation(tx, found.conversation_id);
      const timer = (await tx.query<TimerRow[]>(`${sql} FOR UPDATE OF t`, [workspaceId, timerId]))[0] as TimerRow;
      if (timer.status !== 'pending') return { status: 'already', timerStatus: timer.status };
      const now = this.clock.now();
      if (timer.fire_at.getTime() > now.getTime()) return { status: 'not_due', fireAt: timer.fire_at };

      const session = await this.sessions.findById(tx, { workspaceId, id: timer.session_id });
      const conversation = await this.conversations.findById(tx, { workspaceId, id: timer.conversation_id });
      let fired = false;
      if (session !== null && conversation !== null && parseStatus(session.state) !== 'ended') {
        const result = await this.stepper.step(tx, { session, conversation, event: { type: 'timer', timerId }, now });
        fired = result.outcome === 'advanced';
      }
      await tx.query(`UPDATE session_timers SET status = $3, fired_at = $4 WHERE workspace_id = $1 AND timer_id = $2`, [workspaceId, timerId, fired ? 'fired' : 'stale', now]);
      return { status: fired ? 'fired' : 'stale' };
    });
  }
}

function parseStatus(state: unknown): unknown {
  return typeof state === 'object' && state !== null ? (state as Record<string, unknown>)['status'] : undefined;
}
