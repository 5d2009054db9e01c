import type { RunLogEntryRecord } from '../database/entities/run-log-step.entity.js';
import type { Queryable } from './runtime-sql.js';

/** One entry of a session's run log: what happened (event, node, send, error…) and its details. */
export type LogEntry = RunLogEntryRecord;

/**
 * Most entries in one run_log row. The view `run_log_entries` numbers an entry `row seq × 1000 +
 * its place` (migration RunLogStepRows), so a row must not hold more; a step that ran more nodes
 * (its budget allows up to 10,000) takes several consecutive rows.
 */
export const RUN_LOG_ROW_ENTRIES = 1000;

/** A step's entries as the rows that store them: one row, unless the step logged more than a row holds. */
export function runLogRows(entries: readonly LogEntry[]): LogEntry[][] {
  const rows: LogEntry[][] = [];
  for (let start = 0; start < entries.length; start += RUN_LOG_ROW_ENTRIES) rows.push(entries.slice(start, start + RUN_LOG_ROW_ENTRIES));
  return rows;
}

/** Appends one entry to a session's run log (a runtime event outside a step: an HTTP result, a failure). */
export async function appendRunLogEntry(db: Queryable, scope: { workspaceId: string; sessionId: string }, at: Date, entry: LogEntry): Promise<void> {
  await db.query(`INSERT INTO run_log (workspace_id, session_id, at, entries) VALUES ($1, $2, $3, jsonb_build_array(jsonb_build_object('kind', $4::text, 'data', $5::jsonb)))`, [
    scope.workspaceId,
    scope.sessionId,
    at,
    entry.kind,
    JSON.stringify(entry.data),
  ]);
}
