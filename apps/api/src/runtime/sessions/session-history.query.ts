import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor, isUuid, keysetTimestampSql } from '../../flows/keyset-cursor.js';
import { ApiError } from '../../http/api-error.js';
import { RUN_LOG_ROW_ENTRIES } from '../run-log.js';
import type { ListSessionsQueryDto, RunLogPageView, SessionDetailView, SessionPageView, SessionSummaryView } from './sessions.dto.js';

interface SessionRow {
  id: string;
  flow_id: string;
  flow_version: number;
  conversation_id: string;
  contact_id: string;
  channel: string;
  status: string;
  state: { wait?: { nodeId?: string } | null; endedReason?: string; vars?: Record<string, unknown> } | null;
  simulation: boolean;
  started_at: Date;
  updated_at: Date;
  ended_at: Date | null;
  position_at: string;
}

const COLUMNS = `s.id, s.flow_id, s.flow_version, s.conversation_id, c.contact_id, c.channel, s.status, s.state, c.simulated_flow_id IS NOT NULL AS simulation,
  s.started_at, s.updated_at, s.ended_at, ${keysetTimestampSql('s.started_at')} AS position_at`;

const DEFAULT_LIMIT = 50;
const DEFAULT_LOG_LIMIT = 200;

function toSummary(row: SessionRow): SessionSummaryView {
  return {
    id: row.id,
    flowId: row.flow_id,
    flowVersion: row.flow_version,
    conversationId: row.conversation_id,
    contactId: row.contact_id,
    channel: row.channel,
    status: row.status,
    waitingAt: row.state?.wait?.nodeId ?? null,
    endedReason: row.state?.endedReason ?? null,
    simulation: row.simulation,
    startedAt: row.started_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    endedAt: row.ended_at?.toISOString() ?? null,
  };
}

const notFound = () => new ApiError({ status: 404, code: 'not_found', message: 'Session not found.' });

/**
 * The run history of flows: sessions (who, which flow and version, where they wait, how they
 * ended) and each session's run log (events, nodes entered, messages sent, errors), newest
 * sessions first, the log in order. Scoped by workspace; simulations only when asked for.
 */
@Injectable()
export class SessionHistoryQuery {
  constructor(private readonly dataSource: DataSource) {}

  async list(workspaceId: string, query: ListSessionsQueryDto): Promise<SessionPageView> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const after = decodeCursor(query.cursor);
    const where = ['s.workspace_id = $1'];
    const params: unknown[] = [workspaceId];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${String(params.length)}`));
    };
    if (query.flowId !== undefined) add('s.flow_id = ?', query.flowId);
    if (query.conversationId !== undefined) add('s.conversation_id = ?', query.conversationId);
    if (query.contactId !== undefined) add('c.contact_id = ?', query.contactId);
    if (query.status !== undefined) add('s.status = ?', query.status);
    if (query.simulations !== 'true') where.push('c.simulated_flow_id IS NULL');
    if (after !== undefined) {
      params.push(after.at, after.id);
      where.push(`(s.started_at, s.id) < ($${String(params.length - 1)}::timestamptz, $${String(params.length)}::uuid)`);
    }
    params.push(limit + 1);
    const rows = await this.dataSource.query<SessionRow[]>(
      `SELECT ${COLUMNS} FROM flow_sessions s JOIN conversations c ON c.id = s.conversation_id
        WHERE ${where.join(' AND ')} ORDER BY s.started_at DESC, s.id DESC LIMIT $${String(params.length)}`,
      params,
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return { items: page.map(toSummary), nextCursor: rows.length > limit && last !== undefined ? encodeCursor({ at: last.position_at, id: last.id }) : null };
  }

  async get(workspaceId: string, id: string): Promise<SessionDetailView> {
    const row = await this.find(workspaceId, id);
    return { ...toSummary(row), variables: row.state?.vars ?? {}, wait: (row.state?.wait as Record<string, unknown> | null | undefined) ?? null };
  }

  async log(workspaceId: string, id: string, { after, limit = DEFAULT_LOG_LIMIT }: { after?: number | undefined; limit?: number | undefined }): Promise<RunLogPageView> {
    await this.find(workspaceId, id);
    const rows = await this.dataSource.query<{ seq: string; at: Date; kind: string; data: Record<string, unknown> }[]>(
      // step_seq bounds the rows read through the key (session_id, seq): an entry after `after` is in a row at or after after / RUN_LOG_ROW_ENTRIES.
      `SELECT seq, at, kind, data FROM run_log_entries
        WHERE workspace_id = $1 AND session_id = $2 AND step_seq >= $3::bigint / ${String(RUN_LOG_ROW_ENTRIES)} AND seq > $3 ORDER BY seq LIMIT $4`,
      [workspaceId, id, after ?? 0, limit + 1],
    );
    const page = rows.slice(0, limit).map((row) => ({ seq: Number(row.seq), at: row.at.toISOString(), kind: row.kind, data: row.data }));
    return { items: page, nextAfter: rows.length > limit ? (page.at(-1)?.seq ?? null) : null };
  }

  private async find(workspaceId: string, id: string): Promise<SessionRow> {
    if (!isUuid(id)) throw notFound();
    const rows = await this.dataSource.query<SessionRow[]>(
      `SELECT ${COLUMNS} FROM flow_sessions s JOIN conversations c ON c.id = s.conversation_id WHERE s.id = $1 AND s.workspace_id = $2`,
      [id, workspaceId],
    );
    const row = rows[0];
    if (row === undefined) throw notFound();
    return row;
  }
}
