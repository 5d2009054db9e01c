/** Longest expression source accepted; keeps parsing cheap and abuse bounded. */
export const MAX_EXPRESSION_LENGTH = 2_000;

/** Deepest nesting (parentheses, unary chains, calls, brackets) the parser accepts. */
export const MAX_NESTING_DEPTH = 64;

/** Longest template source accepted (long e-mail bodies fit; megabytes of junk do not). */
export const MAX_TEMPLATE_LENGTH = 200_000;

/** Property names that could reach an object's prototype machinery: never looked up. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** True when `key` must never be read from user data. */
export function isForbiddenKey(key: string): boolean {
  return FORBIDDEN_KEYS.has(key);
}
