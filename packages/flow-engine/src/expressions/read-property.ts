import { isPlainObject, ownDataValue } from './coerce.js';
import { isForbiddenKey } from './limits.js';
import type { Value } from './types.js';

const ARRAY_INDEX = /^(?:0|[1-9]\d*)$/;

/**
 * Reads `key` from `container` the safe way: only own data properties of plain objects
 * and elements (or `length`) of arrays. Getters are never invoked and prototype names are
 * refused, so user input cannot reach `constructor`, `__proto__` or inherited methods.
 * Anything else is `undefined`.
 */
export function readProperty(container: unknown, key: string | number): Value {
  if (Array.isArray(container)) {
    if (key === 'length') return container.length;
    const index = typeof key === 'number' ? key : ARRAY_INDEX.test(key) ? Number(key) : Number.NaN;
    if (!Number.isInteger(index) || index < 0 || index >= container.length) return undefined;
    return ownDataValue(container, String(index));
  }
  if (!isPlainObject(container)) return undefined;
  const name = String(key);
  return isForbiddenKey(name) ? undefined : ownDataValue(container, name);
}
