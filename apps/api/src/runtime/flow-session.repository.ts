import { Injectable } from '@nestjs/common';
import type { SessionState } from '@jornada/flow-engine';
import { ApiError } from '../http/api-error.js';
import type { Queryable } from './runtime-sql.js';

export interface FlowSessionRecord {
  readonly id: string;
  readonly workspaceId: string;
  readonly conversationId: string;
  readonly flowId: string;
  readonly flowVersion: number;
  readonly state: unknown;
  readonly version: number;
}

interface SessionRow {
  id: string;
  workspace_id: string;
  conversation_id: string;
  flow_id: string;
  flow_version: number;
  state: unknown;
  version: number;
}

const COLUMNS = `id, workspace_id, conversation_id, flow_id, flow_version, state, version`;

function toRecord(row: SessionRow): FlowSessionRecord {
  return { id: row.id, workspaceId: row.workspace_id, conversationId: row.conversation_id, flowId: row.flow_id, flowVersion: row.flow_version, state: row.state, version: row.version };
}

/** Every query on `flow_sessions` and the published document a session is pinned to; scoped by workspace. */
@Injectable()
export class FlowSessionRepository {
  async findById(db: Queryable, { workspaceId, id }: { workspaceId: string; id: string }): Promise<FlowSessionRecord | null> {
    const rows = await db.query<SessionRow[]>(`SELECT ${COLUMNS} FROM flow_sessions WHERE id = $1 AND workspace_id = $2`, [id, workspaceId]);
    return rows[0] === undefined ? null : toRecord(rows[0]);
  }

  async findRunning(db: Queryable, { workspaceId, conversationId }: { workspaceId: string; conversationId: string }): Promise<FlowSessionRecord | null> {
    const rows = await db.query<SessionRow[]>(`SELECT ${COLUMNS} FROM flow_sessions WHERE workspace_id = $1 AND conversation_id = $2 AND status <> 'ended'`, [
      workspaceId,
      conversationId,
    ]);
    return rows[0] === undefined ? null : toRecord(rows[0]);
  }

  /** The document of the version the session is pinned to (never the flow's current one). */
  async findPinnedDocument(db: Queryable, { workspaceId, flowId, version }: { workspaceId: string; flowId: string; version: number }): Promise<unknown> {
    const rows = await db.query<{ document: unknown }[]>(`SELECT document FROM flow_versions WHERE workspace_id = $1 AND flow_id = $2 AND version = $3`, [
      workspaceId,
      flowId,
      version,
    ]);
    return rows[0]?.document ?? null;
  }

  /** The workspace's published flows with the document of their current version, oldest flow first. */
  async listPublished(db: Queryable, workspaceId: string): Promise<{ flowId: string; version: number; document: unknown }[]> {
    return db.query(
      `SELECT f.id AS "flowId", v.version, v.document FROM flows f
         JOIN flow_versions v ON v.flow_id = f.id AND v.version = f.current_version AND v.workspace_id = f.workspace_id
        WHERE f.workspace_id = $1 AND f.deleted_at IS NULL AND f.status = 'published'
        ORDER BY f.created_at, f.id`,
      [workspaceId],
    );
  }

  async insert(db: Queryable, session: { id: string; workspaceId: string; conversationId: string; flowId: string; flowVersion: number; state: SessionState; at: Date }): Promise<void> {
    await db.query(
      `INSERT INTO flow_sessions (id, workspace_id, conversation_id, flow_id, flow_version, state, status, version, started_at, updated_at, ended_at)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, 1, $8, $8, $9)`,
      [session.id, session.workspaceId, session.conversationId, session.flowId, session.flowVersion, JSON.stringify(session.state), session.state.status, session.at, endedAt(session.state, session.at)],
    );
  }

  /**
   * Saves a stepped state if the row is still at `expectedVersion`. The conversation lock
   * already serialises writers; this check turns a bug in that (or a writer that skipped it)
   * into a rolled-back transaction instead of a lost update.
   */
  async saveState(db: Queryable, { workspaceId, id, state, expectedVersion, at }: { workspaceId: string; id: string; state: SessionState; expectedVersion: number; at: Date }): Promise<number> {
    const [, count] = await db.query<[unknown[], number]>(
      `UPDATE flow_sessions SET state = $3::jsonb, status = $4, version = version + 1, updated_at = $5, ended_at = COALESCE(ended_at, $6)
        WHERE id = $1 AND workspace_id = $2 AND version = $7`,
      [id, workspaceId, JSON.stringify(state), state.status, at, endedAt(state, at), expectedVersion],
    );
    if (count !== 1) throw new ApiError({ status: 409, code: 'session_version_conflict', message: `Session ${id} changed while it was being stepped.` });
    return expectedVersion + 1;
  }
}

function endedAt(state: SessionState, at: Date): Date | null {
  return state.status === 'ended' ? at : null;
}
