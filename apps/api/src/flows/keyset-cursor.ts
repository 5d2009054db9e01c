import { ApiError } from '../http/api-error.js';

/**
 * Opaque cursors for keyset pagination over `(timestamp DESC, id DESC)`. The timestamp travels
 * as PostgreSQL wrote it (microseconds, UTC: see KEYSET_TIMESTAMP_SQL), because a JS Date
 * keeps only milliseconds and would skip or repeat rows that share a millisecond.
 */
export interface KeysetPosition {
  /** ISO 8601 with microseconds, e.g. 2026-11-22T10:00:00.123456Z. */
  readonly at: string;
  readonly id: string;
}

/** SQL that renders a timestamptz column as KeysetPosition['at']. */
export function keysetTimestampSql(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

const POSITION_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([position.at, position.id]), 'utf8').toString('base64url');
}

/** Parses a cursor from a query string; anything not made by encodeCursor is a 400 naming `cursor`. */
export function decodeCursor(cursor: string | undefined): KeysetPosition | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2) {
      const [at, id] = value as unknown[];
      if (typeof at === 'string' && POSITION_AT.test(at) && typeof id === 'string' && UUID.test(id)) return { at, id };
    }
  } catch {
    // Falls through to the 400 below.
  }
  throw new ApiError({
    status: 400,
    code: 'validation_failed',
    message: 'Invalid request: cursor is not a cursor this API returned.',
    details: [{ field: 'cursor', message: 'cursor must be the nextCursor of a previous page' }],
  });
}

/** Whether a path parameter can be an id at all; anything else names no row (404). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** `%`, `_` and `\` match themselves in a LIKE pattern (with the default escape `\`). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
