import { isForbiddenKey } from './limits.js';
import type { Value } from './types.js';

/** Containers deeper than this are treated as missing: guards against cyclic scopes. */
export const MAX_VALUE_DEPTH = 32;

/** True for `{}`-style objects (JSON data), false for class instances, Maps, Dates... */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Shallow conversion of scope data into a {@link Value}. Anything that is not JSON-like
 * (functions, symbols, class instances) becomes `undefined` so it can never be called or
 * inspected; Dates become ISO strings because that is how they arrive over JSON anyway.
 * Containers are returned as-is and their members converted on read.
 */
export function toValue(raw: unknown): Value {
  switch (typeof raw) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'undefined':
      return raw;
    case 'object':
      if (raw === null) return null;
      if (Array.isArray(raw)) return raw as Value[];
      if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? undefined : raw.toISOString();
      return isPlainObject(raw) ? (raw as { [key: string]: Value }) : undefined;
    default:
      return undefined;
  }
}

/** Elements of an array converted to {@link Value}s (holes and getters read as undefined). */
export function arrayItems(array: readonly unknown[]): Value[] {
  return Array.from({ length: array.length }, (_, index) => ownDataValue(array, String(index)));
}

/** Own data properties only: reading through a descriptor never runs a getter. */
export function ownDataValue(container: object, key: string): Value {
  const descriptor = Object.getOwnPropertyDescriptor(container, key);
  return descriptor !== undefined && 'value' in descriptor ? toValue(descriptor.value) : undefined;
}

/**
 * Deep, detached JSON-like copy of a value: what leaves the evaluator never aliases the
 * caller's scope and never carries functions, class instances or prototype keys. Nesting
 * beyond {@link MAX_VALUE_DEPTH} (including cycles) is cut off as `undefined`.
 */
export function sanitizeValue(value: Value, depth = 0): Value {
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= MAX_VALUE_DEPTH) return undefined;
  if (Array.isArray(value)) return arrayItems(value).map((item) => sanitizeValue(item, depth + 1));
  const copy: { [key: string]: Value } = {};
  for (const key of Object.keys(value)) {
    if (isForbiddenKey(key)) continue;
    const item = sanitizeValue(ownDataValue(value, key), depth + 1);
    if (item !== undefined) copy[key] = item;
  }
  return copy;
}

/** Falsy: '' 0 NaN null undefined false and the empty array; everything else is truthy. */
export function isTruthy(value: Value): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'number') return value !== 0 && !Number.isNaN(value);
  return Boolean(value);
}

/** null, undefined and '' count as "no value" for `default` and `coalesce`. */
export function isBlank(value: Value): boolean {
  return value === undefined || value === null || value === '';
}

/**
 * The text a customer sees for a value: missing -> '', arrays -> "a, b", objects -> ''
 * (never `[object Object]`), numbers via `String(n)`.
 */
export function toText(value: Value, depth = 0): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value) && depth < MAX_VALUE_DEPTH) {
    return arrayItems(value)
      .map((item) => toText(item, depth + 1))
      .filter((text) => text !== '')
      .join(', ');
  }
  return '';
}

/** Text form of scalars only; missing values and containers give `undefined`. */
export function toScalarText(value: Value): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return toText(value);
  return undefined;
}

const NUMERIC = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * Number for arithmetic and comparisons: finite numbers and plainly numeric strings
 * (`"10"`, `" 2.5 "`); everything else is `null`. Localised text like "1.234,56" needs
 * the `number()` function instead.
 */
export function toNumber(value: Value): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') {
    const text = value.trim();
    if (!NUMERIC.test(text)) return null;
    const parsed = Number(text);
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

/**
 * Clean arithmetic results: non-finite -> null, and binary float noise trimmed so
 * `0.1 + 0.2` shows as 0.3 in a message.
 */
export function cleanNumber(value: number): number | null {
  if (!Number.isFinite(value)) return null;
  return Number(value.toPrecision(15));
}

/** Lower-case and accent-free, so "José" and "jose" compare equal. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
