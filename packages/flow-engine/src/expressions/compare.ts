import { MAX_VALUE_DEPTH, arrayItems, isPlainObject, ownDataValue, toNumber } from './coerce.js';
import type { Value } from './types.js';

/**
 * `==` semantics for flow conditions: null and undefined (missing) are equal, a number
 * equals its numeric string (`"10" == 10`, data from webhooks is often text), strings are
 * case-sensitive, arrays and plain objects compare by content.
 */
export function looseEquals(a: Value, b: Value, depth = 0): boolean {
  if (a === undefined || a === null || b === undefined || b === null) {
    return (a === undefined || a === null) && (b === undefined || b === null);
  }
  if (typeof a === 'number' && typeof b === 'string') return toNumber(b) === a;
  if (typeof a === 'string' && typeof b === 'number') return toNumber(a) === b;
  if (typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (depth >= MAX_VALUE_DEPTH) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    const right = arrayItems(b);
    return arrayItems(a).every((item, index) => looseEquals(item, right[index], depth + 1));
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every(
    (key) => Object.hasOwn(b, key) && looseEquals(ownDataValue(a, key), ownDataValue(b, key), depth + 1),
  );
}

/**
 * Ordering for `< <= > >=`: numeric when both sides are numbers or numeric strings,
 * otherwise code-unit order when both are strings (ISO dates sort correctly), otherwise
 * `null`, which makes every comparison false (a missing value is neither big nor small).
 */
export function compareValues(a: Value, b: Value): number | null {
  const left = toNumber(a);
  const right = toNumber(b);
  if (left !== null && right !== null) return left - right;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return null;
}
