import type { JobErrorKind } from '../../queues/job-error.js';

/** Methods that may be repeated without a different effect (RFC 9110 §9.2.2). */
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/**
 * Answers that say "not processed, try later": 408 (the server gave up waiting for the
 * request), 429 (rate limited) and 503 (overloaded or down; what load balancers answer when
 * no backend is up). Other 5xx (500, 502, 504) may come after the work was done.
 */
const DECLINED_STATUSES = new Set([408, 429, 503]);

/** 501 Not Implemented and 505 HTTP Version Not Supported will answer the same next time. */
const FINAL_SERVER_ERRORS = new Set([501, 505]);

/** Whose fault a non-2xx answer is: retry on 408/425/429 and 5xx, final otherwise. */
export function statusErrorClass(status: number): JobErrorKind {
  if (status >= 500) return FINAL_SERVER_ERRORS.has(status) ? 'user' : 'transient';
  if (status === 408 || status === 425 || status === 429) return 'transient';
  return 'user';
}

/**
 * Whether the queue should try again: see HttpRequestFailure.retryAdvisable. `hops` counts the
 * requests made: a redirect means a first server saw the request, so a later decline does not
 * prove that nothing happened.
 */
export function adviseRetry({ errorClass, method, reached, status, hops, idempotencyKey }: { errorClass: JobErrorKind; method: string; reached: boolean; status: number | undefined; hops: number; idempotencyKey: boolean }): boolean {
  if (errorClass !== 'transient') return false;
  if (IDEMPOTENT_METHODS.has(method) || idempotencyKey || !reached) return true;
  return hops === 1 && status !== undefined && DECLINED_STATUSES.has(status);
}

/** `Retry-After` (seconds or an HTTP date) as a delay, capped at an hour; undefined if absent or bad. */
export function parseRetryAfter(header: string | undefined, now: Date): number | undefined {
  if (header === undefined) return undefined;
  const value = header.trim();
  const ms = /^\d{1,9}$/.test(value) ? Number(value) * 1000 : Date.parse(value) - now.getTime();
  if (!Number.isFinite(ms)) return undefined;
  return Math.min(Math.max(ms, 0), 60 * 60 * 1000);
}
