const CONNECTION_MESSAGES = [
  'connection terminated',
  'econnrefused',
  'econnreset',
  'etimedout',
  'epipe',
  'timeout exceeded when trying to connect',
  'not queryable',
  'connection is closed',
  'the database system is',
];
/** Socket errors, and PostgreSQL's admin shutdown / crash / "cannot connect now" (class 08 is added below). */
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', '57P01', '57P02', '57P03']);

/**
 * Whether an error means a store (PostgreSQL, Redis) cannot be reached right now, rather than
 * a bad query or a bug: the queue workers back off on it, and requests answer 503 so that a
 * provider retries its webhook. Looks through TypeORM's `driverError` and an error's `cause`.
 * Duck-typed, not `instanceof Error`: socket errors may come from another realm.
 */
export function isConnectionFailure(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 3) return false;
  const { code, message: raw, driverError, cause } = error as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
  if (typeof code === 'string' && (CONNECTION_CODES.has(code) || /^08/.test(code))) return true;
  if (typeof raw === 'string') {
    const message = raw.toLowerCase();
    if (CONNECTION_MESSAGES.some((fragment) => message.includes(fragment))) return true;
  }
  return isConnectionFailure(driverError, depth + 1) || isConnectionFailure(cause, depth + 1);
}
