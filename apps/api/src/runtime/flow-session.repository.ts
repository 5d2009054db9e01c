import { Injectable } from '@nestjs/common';
import type { FlowDocument, SessionState } from '@jornada/flow-engine';
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
  /** The document a simulation runs (a draft snapshot); null for sessions on a published version. */
  readonly document: unknown;
}

/** A `flow_sessions` row as the runtime reads it. */
export interface SessionRow {
  id: string;
  workspace_id: string;
  conversation_id: string;
  flow_id: string;
  flow_version: number;
  state: unknown;
  version: number;
  document: unknown;
}

/** The columns of a SessionRow (prefix them with an alias in a join). */
export const SESSION_COLUMNS = ['id', 'workspace_id', 'conversation_id', 'flow_id', 'flow_version', 'state', 'version', 'document'] as const;
const COLUMNS = SESSION_COLUMNS.join(', ');

export function toSessionRecord(row: SessionRow): FlowSessionRecord {
  return { id: row.id, workspaceId: row.workspace_id, conversationId: row.conversation_id, flowId: row.flow_id, flowVersion: row.flow_version, state: row.state, version: row.version, document: row.document };
}

/** Every query on `flow_sessions`; scoped by workspace. */
@Injectable()
export class FlowSessionRepository {
  async findById(db: Queryable, { workspaceId, id }: { workspaceId: string; id: string }): Promise<FlowSessionRecord | null> {
    const rows = await db.query<SessionRow[]>(`SELECT ${COLUMNS} FROM flow_sessions WHERE id = $1 AND workspace_id = $2`, [id, workspaceId]);
    return rows[0] === undefined ? null : toSessionRecord(rows[0]);
  }

  async findRunning(db: Queryable, { workspaceId, conversationId }: { workspaceId: string; conversationId: string }): Promise<FlowSessionRecord | null> {
    const rows = await db.query<SessionRow[]>(`SELECT ${COLUMNS} FROM flow_sessions WHERE workspace_id = $1 AND conversation_id = $2 AND status <> 'ended'`, [
      workspaceId,
      conversationId,
    ]);
    return rows[0] === undefined ? null : toSessionRecord(rows[0]);
  }

  async insert(
    db: Queryable,
    session: { id: string; workspaceId: string; conversationId: string; flowId: string; flowVersion: number; state: SessionState; at: Date; document?: FlowDocument },
  ): Promise<void> {
    await db.query(
      `INSERT INTO flow_sessions (id, workspace_id, conversation_id, flow_id, flow_version, state, status, version, started_at, updated_at, ended_at, document)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, 1, $8, $8, $9, $10::jsonb)`,
      [
        session.id,
        session.workspaceId,
        session.conversationId,
        session.flowId,
        session.flowVersion,
        JSON.stringify(session.state),
        session.state.status,
        session.at,
        endedAt(session.state, session.at),
        session.document === undefined ? null : JSON.stringify(session.document),
      ],
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
