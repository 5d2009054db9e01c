import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ExternalEventStatus } from '../../database/entities/external-event.entity.js';
import { isUuid } from '../../flows/keyset-cursor.js';
import type { Queryable } from '../runtime-sql.js';

/** Who an event is about, as posted (phone already in E.164, email lower-cased). */
export interface ExternalEventContact {
  readonly phone?: string;
  readonly email?: string;
  readonly externalId?: string;
  readonly name?: string;
}

export interface ExternalEventRecord {
  readonly id: string;
  readonly workspaceId: string;
  readonly externalId: string;
  readonly name: string;
  readonly contact: ExternalEventContact;
  readonly data: Record<string, unknown>;
  readonly status: ExternalEventStatus;
}

interface EventRow {
  id: string;
  workspace_id: string;
  external_id: string;
  name: string;
  contact: ExternalEventContact;
  data: Record<string, unknown>;
  status: ExternalEventStatus;
}

const COLUMNS = `id, workspace_id, external_id, name, contact, data, status`;

/** Every query on `external_events`, scoped by workspace. */
@Injectable()
export class ExternalEventRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores the event unless the caller's id is known: then null and nothing written (ON CONFLICT). */
  async insert(event: { workspaceId: string; externalId: string; name: string; contact: ExternalEventContact; data: Record<string, unknown>; receivedAt: Date }): Promise<string | null> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `INSERT INTO external_events (workspace_id, external_id, name, contact, data, received_at) VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6)
       ON CONFLICT (workspace_id, external_id) DO NOTHING RETURNING id`,
      [event.workspaceId, event.externalId, event.name, JSON.stringify(event.contact), JSON.stringify(event.data), event.receivedAt],
    );
    return rows[0]?.id ?? null;
  }

  async findIdByExternalId({ workspaceId, externalId }: { workspaceId: string; externalId: string }): Promise<string | null> {
    const rows = await this.dataSource.query<{ id: string }[]>(`SELECT id FROM external_events WHERE workspace_id = $1 AND external_id = $2`, [workspaceId, externalId]);
    return rows[0]?.id ?? null;
  }

  /** The workspace an event belongs to: the queue payload carries the event id only. */
  async findWorkspaceOf(id: string): Promise<string | null> {
    if (!isUuid(id)) return null;
    const rows = await this.dataSource.query<{ workspace_id: string }[]>(`SELECT workspace_id FROM external_events WHERE id = $1`, [id]);
    return rows[0]?.workspace_id ?? null;
  }

  /** The event, its row locked until `tx` ends: two jobs of one event cannot route it twice. */
  async lockById(tx: Queryable, { workspaceId, id }: { workspaceId: string; id: string }): Promise<ExternalEventRecord | null> {
    if (!isUuid(id)) return null;
    const rows = await tx.query<EventRow[]>(`SELECT ${COLUMNS} FROM external_events WHERE id = $1 AND workspace_id = $2 FOR UPDATE`, [id, workspaceId]);
    const row = rows[0];
    return row === undefined
      ? null
      : { id: row.id, workspaceId: row.workspace_id, externalId: row.external_id, name: row.name, contact: row.contact, data: row.data, status: row.status };
  }

  async markDone(
    db: Queryable,
    { workspaceId, id, status, outcome, at, error }: { workspaceId: string; id: string; status: Exclude<ExternalEventStatus, 'received'>; outcome: Record<string, unknown>; at: Date; error?: string },
  ): Promise<void> {
    await db.query(`UPDATE external_events SET status = $3, outcome = $4::jsonb, processed_at = $5, error = $6 WHERE id = $1 AND workspace_id = $2`, [
      id,
      workspaceId,
      status,
      JSON.stringify(outcome),
      at,
      error ?? null,
    ]);
  }

  /** received -> failed, when routing it failed for good. */
  async markFailed({ workspaceId, id, at, error }: { workspaceId: string; id: string; at: Date; error: string }): Promise<void> {
    await this.dataSource.query(`UPDATE external_events SET status = 'failed', processed_at = $3, error = $4 WHERE id = $1 AND workspace_id = $2 AND status = 'received'`, [
      id,
      workspaceId,
      at,
      error.slice(0, 2000),
    ]);
  }
}
