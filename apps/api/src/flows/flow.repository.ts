import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { FlowStatus } from '../database/entities/index.js';
import { escapeLike, isUuid, keysetTimestampSql, type KeysetPosition } from './keyset-cursor.js';

/** Anything that runs SQL: the DataSource, or the EntityManager of a transaction. */
export type Queryable = Pick<EntityManager, 'query'>;

export interface FlowRecord {
  readonly id: string;
  readonly workspaceId: string;
  readonly name: string;
  readonly description: string;
  readonly draft: Record<string, unknown>;
  readonly draftRevision: number;
  readonly status: FlowStatus;
  readonly currentVersion: number | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly lastPublishedAt: Date | null;
}

export type FlowListItem = Omit<FlowRecord, 'draft' | 'workspaceId'> & { readonly position: KeysetPosition };

interface FlowRow {
  id: string;
  workspace_id: string;
  name: string;
  description: string;
  draft: Record<string, unknown>;
  draft_revision: number;
  status: FlowStatus;
  current_version: number | null;
  created_at: Date;
  updated_at: Date;
  last_published_at: Date | null;
  cursor_at?: string;
}

/** When the version new sessions start on was published (flow_versions' unique (flow_id, version) index). */
const LAST_PUBLISHED_AT = `(SELECT v.published_at FROM flow_versions v WHERE v.flow_id = f.id AND v.version = f.current_version) AS last_published_at`;
const COLUMNS = `f.id, f.workspace_id, f.name, f.description, f.draft, f.draft_revision, f.status, f.current_version, f.created_at, f.updated_at, ${LAST_PUBLISHED_AT}`;

/**
 * Every query on `flows`. Each one is scoped by workspace and ignores soft-deleted flows, so
 * an id from another workspace (or a deleted flow) is simply not found.
 */
@Injectable()
export class FlowRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findById({ workspaceId, id }: { workspaceId: string; id: string }, db: Queryable = this.dataSource): Promise<FlowRecord | null> {
    if (!isUuid(id)) return null;
    const rows = await db.query<FlowRow[]>(`SELECT ${COLUMNS} FROM flows f WHERE f.id = $1 AND f.workspace_id = $2 AND f.deleted_at IS NULL`, [id, workspaceId]);
    return rows[0] === undefined ? null : toRecord(rows[0]);
  }

  /** The flow, row-locked until the transaction of `tx` ends: publishes of one flow queue here. */
  async lockById(tx: EntityManager, { workspaceId, id }: { workspaceId: string; id: string }): Promise<FlowRecord | null> {
    if (!isUuid(id)) return null;
    // FOR UPDATE cannot lock through the sub-select of LAST_PUBLISHED_AT: lock first, then read.
    const locked = await tx.query<{ id: string }[]>(`SELECT id FROM flows WHERE id = $1 AND workspace_id = $2 AND deleted_at IS NULL FOR UPDATE`, [id, workspaceId]);
    return locked.length === 0 ? null : this.findById({ workspaceId, id }, tx);
  }

  /** Newest first (updated_at, then id), served by idx_flows_workspace_id_updated_at. */
  async list(query: {
    workspaceId: string;
    search?: string | undefined;
    status?: FlowStatus | undefined;
    after?: KeysetPosition | undefined;
    limit: number;
  }): Promise<FlowListItem[]> {
    const parameters: unknown[] = [query.workspaceId];
    const where = ['f.workspace_id = $1', 'f.deleted_at IS NULL'];
    if (query.status !== undefined) {
      parameters.push(query.status);
      where.push(`f.status = $${String(parameters.length)}`);
    }
    if (query.search !== undefined && query.search.trim() !== '') {
      parameters.push(`%${escapeLike(query.search.trim())}%`);
      where.push(`f.name ILIKE $${String(parameters.length)}`);
    }
    if (query.after !== undefined) {
      parameters.push(query.after.at, query.after.id);
      where.push(`(f.updated_at, f.id) < ($${String(parameters.length - 1)}::timestamptz, $${String(parameters.length)}::uuid)`);
    }
    parameters.push(query.limit);
    const rows = await this.dataSource.query<FlowRow[]>(
      `SELECT f.id, f.workspace_id, f.name, f.description, f.draft_revision, f.status, f.current_version, f.created_at, f.updated_at,
              ${LAST_PUBLISHED_AT}, ${keysetTimestampSql('f.updated_at')} AS cursor_at
         FROM flows f WHERE ${where.join(' AND ')}
        ORDER BY f.updated_at DESC, f.id DESC LIMIT $${String(parameters.length)}`,
      parameters,
    );
    return rows.map((row) => {
      const { draft: _draft, workspaceId: _workspaceId, ...item } = toRecord({ ...row, draft: {} });
      return { ...item, position: { at: row.cursor_at ?? '', id: row.id } };
    });
  }

  async insert(
    flow: { workspaceId: string; name: string; description: string; draft: Record<string, unknown> },
    db: Queryable = this.dataSource,
  ): Promise<FlowRecord> {
    const rows = await db.query<FlowRow[]>(
      `INSERT INTO flows (workspace_id, name, description, draft) VALUES ($1, $2, $3, $4::jsonb)
       RETURNING id, workspace_id, name, description, draft, draft_revision, status, current_version, created_at, updated_at, NULL::timestamptz AS last_published_at`,
      [flow.workspaceId, flow.name, flow.description, JSON.stringify(flow.draft)],
    );
    return toRecord(rows[0] as FlowRow);
  }

  /**
   * Replaces the draft only if it is still at `expectedRevision` (optimistic concurrency: the
   * condition and the write are one statement, so two saves from the same revision cannot
   * both win). Null when nothing matched: the flow is gone or someone saved first.
   */
  async writeDraft(
    change: { workspaceId: string; id: string; expectedRevision: number; draft: Record<string, unknown>; name: string; description: string },
    db: Queryable = this.dataSource,
  ): Promise<{ revision: number; updatedAt: Date } | null> {
    if (!isUuid(change.id)) return null;
    const [rows] = await db.query<[{ draft_revision: number; updated_at: Date }[], number]>(
      `UPDATE flows SET draft = $1::jsonb, name = $2, description = $3, draft_revision = draft_revision + 1, updated_at = now()
        WHERE id = $4 AND workspace_id = $5 AND deleted_at IS NULL AND draft_revision = $6
        RETURNING draft_revision, updated_at`,
      [JSON.stringify(change.draft), change.name, change.description, change.id, change.workspaceId, change.expectedRevision],
    );
    const row = rows[0];
    return row === undefined ? null : { revision: row.draft_revision, updatedAt: row.updated_at };
  }

  /** Points new sessions at `version`; the draft (and its updated_at) stays as it is. */
  async markPublished(tx: EntityManager, { workspaceId, id, version }: { workspaceId: string; id: string; version: number }): Promise<void> {
    await tx.query(`UPDATE flows SET current_version = $1, status = 'published' WHERE id = $2 AND workspace_id = $3`, [version, id, workspaceId]);
  }

  /** Soft delete; false when there was no such flow (already deleted, another workspace). */
  async softDelete({ workspaceId, id }: { workspaceId: string; id: string }): Promise<boolean> {
    if (!isUuid(id)) return false;
    const [, count] = await this.dataSource.query<[unknown[], number]>(
      `UPDATE flows SET deleted_at = now() WHERE id = $1 AND workspace_id = $2 AND deleted_at IS NULL`,
      [id, workspaceId],
    );
    return count > 0;
  }
}

function toRecord(row: FlowRow): FlowRecord {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    name: row.name,
    description: row.description,
    draft: row.draft,
    draftRevision: row.draft_revision,
    status: row.status,
    currentVersion: row.current_version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastPublishedAt: row.last_published_at,
  };
}
