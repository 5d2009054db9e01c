import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { OutboxStatus } from '../../database/entities/outbox-entry.entity.js';
import { isUuid } from '../../flows/keyset-cursor.js';
import { RealtimeBus } from '../../realtime/realtime-bus.js';
import { StatementCoalescer } from '../concurrency/statement-coalescer.js';
import { appendRunLogEntry } from '../run-log.js';
import type { Queryable } from '../runtime-sql.js';

export interface OutboxRecord {
  readonly id: string;
  readonly workspaceId: string;
  readonly sessionId: string;
  readonly effectId: string;
  readonly type: string;
  readonly payload: Record<string, unknown>;
  readonly status: OutboxStatus;
}

export interface OutboxRow {
  id: string;
  workspace_id: string;
  session_id: string;
  effect_id: string;
  type: string;
  payload: Record<string, unknown>;
  status: OutboxStatus;
}

export const OUTBOX_COLUMNS = `o.id, o.workspace_id, o.session_id, o.effect_id, o.type, o.payload, o.status`;
const COLUMNS = OUTBOX_COLUMNS;

/** Pending rows of these conversations ($1, uuid[]), oldest first, with their conversation: an index lookup per conversation. */
export const PENDING_FOR_CONVERSATIONS_SQL = `SELECT ${COLUMNS}, o.conversation_id FROM outbox o WHERE o.status = 'pending' AND o.conversation_id = ANY($1::uuid[]) ORDER BY o.created_at, o.id`;

export function toOutboxRecord(row: OutboxRow): OutboxRecord {
  return { id: row.id, workspaceId: row.workspace_id, sessionId: row.session_id, effectId: row.effect_id, type: row.type, payload: row.payload, status: row.status };
}

/**
 * The outbox as the queue processors see it. Jobs carry only row ids, so lookups here are by
 * id across workspaces (system work); every row names its workspace for what follows.
 */
@Injectable()
export class OutboxRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly bus: RealtimeBus,
  ) {}

  async findById(id: string, db: Queryable = this.dataSource): Promise<OutboxRecord | null> {
    if (!isUuid(id)) return null;
    const rows = await db.query<OutboxRow[]>(`SELECT ${COLUMNS} FROM outbox o WHERE o.id = $1`, [id]);
    return rows[0] === undefined ? null : toOutboxRecord(rows[0]);
  }

  /**
   * Pending rows of the sessions of these conversations: what a step there just produced (and
   * anything left over). Every job asks after its step, and the answer is nearly always
   * "nothing": concurrent calls share one statement (StatementCoalescer).
   */
  async listPendingForConversations(conversationIds: readonly string[]): Promise<OutboxRecord[]> {
    if (conversationIds.length === 0) return [];
    return this.pendingReads.submit(conversationIds);
  }

  private readonly pendingReads = new StatementCoalescer<readonly string[], OutboxRecord[]>(async (requests) => {
    const rows = await this.dataSource.query<(OutboxRow & { conversation_id: string })[]>(PENDING_FOR_CONVERSATIONS_SQL, [[...new Set(requests.flat())]]);
    return requests.map((ids) => {
      const wanted = new Set(ids);
      return rows.filter((row) => wanted.has(row.conversation_id)).map(toOutboxRecord);
    });
  });

  /** Pending rows created before `before`: their job may have been lost (the dispatcher sweep). */
  async listPendingOlderThan(before: Date, limit: number): Promise<OutboxRecord[]> {
    const rows = await this.dataSource.query<OutboxRow[]>(
      `SELECT ${COLUMNS} FROM outbox o WHERE o.status = 'pending' AND o.created_at < $1 ORDER BY o.created_at LIMIT $2`,
      [before, limit],
    );
    return rows.map(toOutboxRecord);
  }

  /** Pending -> done; false when it was not pending (done or failed already). */
  async markDone(id: string, at: Date, db: Queryable = this.dataSource): Promise<boolean> {
    // An UPDATE answers [rows, count] through TypeORM's query().
    const [, count] = await db.query<[unknown[], number]>(`UPDATE outbox SET status = 'done', done_at = $2, attempts = attempts + 1 WHERE id = $1 AND status IS NOT DISTINCT FROM 'pending'`, [id, at]);
    return count > 0;
  }

  /** Pending -> failed, and the reason in the session's run log. */
  async markFailed(row: OutboxRecord, { at, error, errorClass }: { at: Date; error: string; errorClass: 'user' | 'transient' | 'system' }): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const [, count] = await tx.query<[unknown[], number]>(`UPDATE outbox SET status = 'failed', done_at = $2, attempts = attempts + 1 WHERE id = $1 AND status IS NOT DISTINCT FROM 'pending'`, [row.id, at]);
      if (count === 0) return;
      await appendRunLogEntry(tx, { workspaceId: row.workspaceId, sessionId: row.sessionId }, at, { kind: 'error', data: { effectId: row.effectId, effectType: row.type, error, errorClass } });
      const messageId = row.payload['messageId'];
      if (row.type === 'send' && typeof messageId === 'string') {
        await tx.query(`UPDATE messages SET status = 'failed', error = $3 WHERE id = $1 AND workspace_id = $2 AND status = 'queued'`, [messageId, row.workspaceId, error]);
        const conversationId = row.payload['conversationId'];
        if (typeof conversationId === 'string') await this.bus.notify(tx, { type: 'message', workspaceId: row.workspaceId, conversationId, messageId });
      }
    });
  }
}
