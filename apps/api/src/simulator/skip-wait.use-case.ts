import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiError } from '../http/api-error.js';
import { Clock } from '../runtime/clock.js';
import { FireTimerUseCase } from '../runtime/fire-timer.use-case.js';
import { RuntimeDispatcher } from '../runtime/processing/runtime-dispatcher.js';
import { SimulationConversations } from './simulation-conversations.js';

export interface SkippedWait {
  readonly timerId: string;
  readonly nodeId: string;
  readonly status: 'fired' | 'stale';
}

/**
 * The simulator's "skip wait": the session's soonest pending timer (a wait, a reminder, a
 * no-reply timeout) comes due now and fires at once, through the same FireTimerUseCase the
 * timers queue runs. Only on simulations: a real customer's timers are never fast-forwarded.
 * A delayed job the timer may still have finds it fired and does nothing.
 */
@Injectable()
export class SkipWaitUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly simulations: SimulationConversations,
    private readonly fireTimer: FireTimerUseCase,
    private readonly dispatcher: RuntimeDispatcher,
    private readonly clock: Clock,
  ) {}

  async execute({ workspaceId, id }: { workspaceId: string; id: string }): Promise<SkippedWait> {
    const simulation = await this.simulations.find(this.dataSource, { workspaceId, id });
    const rows = await this.dataSource.query<{ id: string; timer_id: string; node_id: string }[]>(
      `SELECT t.id, t.timer_id, t.node_id FROM session_timers t JOIN flow_sessions s ON s.id = t.session_id
        WHERE s.conversation_id = $1 AND s.workspace_id = $2 AND s.status <> 'ended' AND t.status = 'pending' ORDER BY t.fire_at LIMIT 1`,
      [simulation.id, workspaceId],
    );
    const timer = rows[0];
    if (timer === undefined) throw new ApiError({ status: 409, code: 'nothing_to_skip', message: 'The simulation is not waiting on a timer.' });
    await this.dataSource.query(`UPDATE session_timers SET fire_at = $2 WHERE id = $1 AND status IS NOT DISTINCT FROM 'pending'`, [timer.id, this.clock.now()]);
    const result = await this.fireTimer.execute({ workspaceId, timerId: timer.timer_id });
    await this.dispatcher.afterTimer(timer.id);
    if (result.status !== 'fired' && result.status !== 'stale') throw new ApiError({ status: 409, code: 'nothing_to_skip', message: 'The timer fired meanwhile.' });
    return { timerId: timer.timer_id, nodeId: timer.node_id, status: result.status };
  }
}
