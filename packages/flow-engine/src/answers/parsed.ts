/**
 * The result shape every answer parser returns, so a journey can branch on *why* an answer
 * was not understood ("empty" -> re-ask, "ambiguous" -> ask to pick one, ...).
 */

/** Why an answer could not be read. */
export type ParseFailureReason = 'empty' | 'invalid' | 'ambiguous' | 'out_of_range';

/** A failed parse; assignable to every `Parsed<T>`. */
export interface ParseFailure {
  ok: false;
  reason: ParseFailureReason;
}

/** Either the value read from the answer or the reason it could not be read. */
export type Parsed<T> = { ok: true; value: T } | ParseFailure;

/**
 * Longest answer the parsers look at (WhatsApp's own limit). Longer input is rejected up
 * front so no regex ever runs on an unbounded string.
 */
export const MAX_ANSWER_LENGTH = 4096;

export function ok<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

export function fail(reason: ParseFailureReason): ParseFailure {
  return { ok: false, reason };
}

/**
 * Shared guard: `'empty'` for missing/blank input, `'invalid'` for oversized input,
 * otherwise `null` (go ahead and parse).
 */
export function rejectUnusable(text: string | undefined): ParseFailure | null {
  if (typeof text !== 'string' || text.trim() === '') return fail('empty');
  if (text.length > MAX_ANSWER_LENGTH) return fail('invalid');
  return null;
}

/**
 * The single distinct value among `values`: `ok` for exactly one, `'ambiguous'` for
 * several, `fallback` for none.
 */
export function single<T>(values: readonly T[], fallback: ParseFailure): Parsed<T> {
  const distinct = [...new Set(values)];
  const [first] = distinct;
  if (distinct.length === 0 || first === undefined) return fallback;
  return distinct.length === 1 ? ok(first) : fail('ambiguous');
}
