import type { Json } from '../schema/common.schema.js';
import type { FieldChange } from './types.js';

// Deep comparison of JSON trees that looks only at own enumerable keys (never `in`, the
// prototype or constructors) and treats a key holding `undefined` as absent, like JSON does.

type JsonRecord = Record<string, unknown>;

/** True for a non-null, non-array object. Its prototype is not consulted. */
export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own enumerable keys whose value is defined, in insertion (document) order. */
export function definedKeys(value: JsonRecord): string[] {
  return Object.keys(value).filter((key) => value[key] !== undefined);
}

/**
 * The keys of both objects, merged so that each object's order is kept where they agree.
 * Symmetric (`unionKeys(a, b)` and `unionKeys(b, a)` give the same order), so diffing the
 * other way round lists the same paths in the same order; where the orders disagree, or two
 * keys are new at the same point, the smaller key comes first.
 */
export function unionKeys(a: JsonRecord, b: JsonRecord): string[] {
  const keysA = definedKeys(a);
  const keysB = definedKeys(b);
  const inA = new Set(keysA);
  const inB = new Set(keysB);
  const merged: string[] = [];
  const emitted = new Set<string>();
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < keysA.length && emitted.has(keysA[i] as string)) i++;
    while (j < keysB.length && emitted.has(keysB[j] as string)) j++;
    const ka = keysA[i];
    const kb = keysB[j];
    if (ka === undefined && kb === undefined) return merged;
    let next: string;
    if (ka === undefined || kb === undefined || ka === kb) next = (ka ?? kb) as string;
    else if (!inB.has(ka) && inA.has(kb)) next = ka;
    else if (!inA.has(kb) && inB.has(ka)) next = kb;
    else next = compareStrings(ka, kb) <= 0 ? ka : kb;
    merged.push(next);
    emitted.add(next);
  }
}

/** Deep equality of two JSON values; `undefined` equals only `undefined` (an absent field). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item: unknown, i) => jsonEqual(item, b[i]));
  }
  if (!isRecord(a) || !isRecord(b)) return false;
  const keysA = definedKeys(a);
  const keysB = definedKeys(b);
  if (keysA.length !== keysB.length) return false;
  const inB = new Set(keysB);
  return keysA.every((key) => inB.has(key) && jsonEqual(a[key], b[key]));
}

/** A detached copy of a JSON value (so a diff never aliases the documents); `undefined` stays. */
export function copyJson(value: unknown): Json | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null) return value;
  if (Array.isArray(value)) return value.map((item: unknown) => copyJson(item) ?? null);
  if (!isRecord(value)) return null;
  const copy: Record<string, Json> = {};
  for (const key of definedKeys(value)) {
    // defineProperty, not assignment: a key named "__proto__" stays a plain key.
    Object.defineProperty(copy, key, { value: copyJson(value[key]), enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

/** `prefix.segment`, or `segment` at the top. */
export function joinPath(prefix: string, segment: string | number): string {
  return prefix === '' ? String(segment) : `${prefix}.${segment}`;
}

/** One change holding both whole values. */
export function fieldChange(path: string, before: unknown, after: unknown): FieldChange {
  return { path, before: copyJson(before), after: copyJson(after) };
}

/**
 * Appends to `out` the leaf-most differences between two JSON values: objects by key (document
 * order), arrays by index; anything else, or a change of kind, as one change at `path`.
 */
export function diffJson(before: unknown, after: unknown, path: string, out: FieldChange[]): void {
  if (jsonEqual(before, after)) return;
  if (Array.isArray(before) && Array.isArray(after)) {
    const length = Math.max(before.length, after.length);
    for (let i = 0; i < length; i++) diffJson(before[i], after[i], joinPath(path, i), out);
    return;
  }
  if (isRecord(before) && isRecord(after)) {
    for (const key of unionKeys(before, after)) diffJson(before[key], after[key], joinPath(path, key), out);
    return;
  }
  out.push(fieldChange(path, before, after));
}

/** Top-level keys of two objects whose values differ, each as a whole value. */
export function diffShallow(before: JsonRecord, after: JsonRecord): FieldChange[] {
  return unionKeys(before, after)
    .filter((key) => !jsonEqual(before[key], after[key]))
    .map((key) => fieldChange(key, before[key], after[key]));
}

/** Plain code-unit order: the same everywhere, unlike `localeCompare`. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
