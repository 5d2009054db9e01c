import { Injectable } from '@nestjs/common';
import type { ConversationPriority, ConversationStatus } from '../database/entities/index.js';
import { conversationLockSql, type Queryable } from './runtime-sql.js';

export interface ConversationRecord {
  readonly id: string;
  readonly workspaceId: string;
  readonly contactId: string;
  readonly channel: string;
  readonly status: ConversationStatus;
  readonly priority: ConversationPriority;
  /** Set on the builder's simulator conversations: the flow whose draft they simulate. */
  readonly simulatedFlowId: string | null;
}

/** A `conversations` row as the runtime reads it. */
export interface ConversationRow {
  id: string;
  workspace_id: string;
  contact_id: string;
  channel: string;
  status: ConversationStatus;
  priority: ConversationPriority;
  simulated_flow_id: string | null;
}

const COLUMNS = `id, workspace_id, contact_id, channel, status, priority, simulated_flow_id`;

export function toConversationRecord(row: ConversationRow): ConversationRecord {
  return { id: row.id, workspaceId: row.workspace_id, contactId: row.contact_id, channel: row.channel, status: row.status, priority: row.priority, simulatedFlowId: row.simulated_flow_id };
}

/** Every query on `conversations` and `messages`, scoped by workspace. */
@Injectable()
export class ConversationRepository {
  async findById(db: Queryable, { workspaceId, id }: { workspaceId: string; id: string }): Promise<ConversationRecord | null> {
    const rows = await db.query<ConversationRow[]>(`SELECT ${COLUMNS} FROM conversations WHERE id = $1 AND workspace_id = $2`, [id, workspaceId]);
    return rows[0] === undefined ? null : toConversationRecord(rows[0]);
  }

  async countForContact(db: Queryable, { workspaceId, contactId }: { workspaceId: string; contactId: string }): Promise<number> {
    const rows = await db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM conversations WHERE workspace_id = $1 AND contact_id = $2`, [workspaceId, contactId]);
    return rows[0]?.n ?? 0;
  }

  async insert(db: Queryable, { workspaceId, contactId, channel, at }: { workspaceId: string; contactId: string; channel: string; at: Date }): Promise<ConversationRecord> {
    const rows = await db.query<ConversationRow[]>(
      `INSERT INTO conversations (workspace_id, contact_id, channel, created_at, updated_at) VALUES ($1, $2, $3, $4, $4) RETURNING ${COLUMNS}`,
      [workspaceId, contactId, channel, at],
    );
    return toConversationRecord(rows[0] as ConversationRow);
  }

  async touchInbound(db: Queryable, { workspaceId, id, at }: { workspaceId: string; id: string; at: Date }): Promise<void> {
    await db.query(`UPDATE conversations SET last_inbound_at = $3, updated_at = $3 WHERE id = $1 AND workspace_id = $2`, [id, workspaceId, at]);
  }

  /**
   * Stores an inbound message (once per provider id) and records the conversation's last
   * inbound time, in one round trip; the message id, or null when it was stored before.
   */
  async insertInboundMessage(
    db: Queryable,
    message: { workspaceId: string; conversationId: string; channel: string; kind: string; content: unknown; providerMessageId: string; at: Date },
  ): Promise<string | null> {
    const rows = await db.query<{ id: string }[]>(
      `WITH touched AS (
         UPDATE conversations SET last_inbound_at = $7, updated_at = $7 WHERE id = $2 AND workspace_id = $1
       )
       INSERT INTO messages (workspace_id, conversation_id, channel, direction, kind, content, provider_message_id, status, created_at)
       VALUES ($1, $2, $3, 'in', $4, $5::jsonb, $6, 'delivered', $7)
       ON CONFLICT (workspace_id, channel, provider_message_id) DO NOTHING RETURNING id`,
      [message.workspaceId, message.conversationId, message.channel, message.kind, JSON.stringify(message.content), message.providerMessageId, message.at],
    );
    return rows[0]?.id ?? null;
  }

  /**
   * The contact's live conversation on the channel (not resolved: at most one, a partial unique
   * index), with its conversation lock, as it is once the lock is held — one round trip; null
   * when there is none (or it was resolved while this waited for the lock).
   *
   * The advisory lock is taken while the row is read, so the statement's snapshot may predate a
   * change committed by the transaction that held the lock (a timer step that handed it off).
   * `FOR UPDATE` makes PostgreSQL re-read such a row at its latest version and re-check the
   * WHERE clause, so what comes back is current. The row lock costs nothing extra: the inbound
   * step updates the row anyway (its last inbound time), and both are taken in the same order
   * as before — the advisory lock, then the row.
   */
  async lockLive(db: Queryable, { workspaceId, contactId, channel }: { workspaceId: string; contactId: string; channel: string }): Promise<ConversationRecord | null> {
    const rows = await db.query<ConversationRow[]>(
      `SELECT ${COLUMNS}, ${conversationLockSql('id')} AS locked
         FROM conversations WHERE workspace_id = $1 AND contact_id = $2 AND channel = $3 AND status <> 'resolved'
         FOR UPDATE`,
      [workspaceId, contactId, channel],
    );
    return rows[0] === undefined ? null : toConversationRecord(rows[0]);
  }

  /** A person takes over: the bot stays silent until the conversation is handed back. */
  async markHandoff(db: Queryable, { workspaceId, id, priority, at }: { workspaceId: string; id: string; priority: ConversationPriority; at: Date }): Promise<void> {
    await db.query(`UPDATE conversations SET status = 'handoff', priority = $3, updated_at = $4 WHERE id = $1 AND workspace_id = $2`, [id, workspaceId, priority, at]);
  }

  /** Stores a message; an inbound one already stored under its provider id is not stored twice. */
  async insertMessage(
    db: Queryable,
    message: {
      workspaceId: string;
      conversationId: string;
      channel: string;
      direction: 'in' | 'out';
      kind: string;
      content: unknown;
      providerMessageId: string | null;
      status: 'queued' | 'delivered';
      at: Date;
    },
  ): Promise<string | null> {
    const rows = await db.query<{ id: string }[]>(
      `INSERT INTO messages (workspace_id, conversation_id, channel, direction, kind, content, provider_message_id, status, created_at)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9)
       ON CONFLICT (workspace_id, channel, provider_message_id) DO NOTHING RETURNING id`,
      [message.workspaceId, message.conversationId, message.channel, message.direction, message.kind, JSON.stringify(message.content), message.providerMessageId, message.status, message.at],
    );
    return rows[0]?.id ?? null;
  }
}
