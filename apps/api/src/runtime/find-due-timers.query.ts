import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from './clock.js';

export interface DueTimer {
  readonly workspaceId: string;
  readonly timerId: string;
  readonly fireAt: Date;
}

/**
 * Pending timers due by now (idx_session_timers_pending_fire_at), oldest first: what the
 * timer queue re-arms on start, when the queue lost its delayed jobs or the system was down.
 * Across workspaces on purpose (a system job); each row names its workspace for FireTimerUseCase.
 */
@Injectable()
export class FindDueTimersQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async execute({ limit = 1000, horizonMs = 0 }: { limit?: number; horizonMs?: number } = {}): Promise<DueTimer[]> {
    const until = new Date(this.clock.now().getTime() + horizonMs);
    const rows = await this.dataSource.query<{ workspace_id: string; timer_id: string; fire_at: Date }[]>(
      `SELECT workspace_id, timer_id, fire_at FROM session_timers WHERE status = 'pending' AND fire_at <= $1 ORDER BY fire_at, id LIMIT $2`,
      [until, limit],
    );
    return rows.map((row) => ({ workspaceId: row.workspace_id, timerId: row.timer_id, fireAt: row.fire_at }));
  }
}
