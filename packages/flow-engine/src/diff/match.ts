import type { FlowEdge } from '../schema/flow-document.schema.js';
import { compareStrings, diffJson, fieldChange, jsonEqual, unionKeys } from './json.js';
import type { EdgeRef, FieldChange } from './types.js';

/** Items of two versions matched by a key; each list ordered by key. */
export interface Matched<T> {
  added: T[];
  removed: T[];
  pairs: Array<readonly [before: T, after: T]>;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/**
 * Matches items by key. A key repeated (an invalid document) pairs its n-th occurrences, so
 * nothing is lost and nothing throws.
 */
export function matchBy<T>(before: readonly T[], after: readonly T[], keyOf: (item: T) => string): Matched<T> {
  const groupsBefore = groupBy(before, keyOf);
  const groupsAfter = groupBy(after, keyOf);
  const keys = [...new Set([...groupsBefore.keys(), ...groupsAfter.keys()])].sort(compareStrings);
  const result: Matched<T> = { added: [], removed: [], pairs: [] };
  for (const key of keys) {
    const b = groupsBefore.get(key) ?? [];
    const a = groupsAfter.get(key) ?? [];
    const common = Math.min(a.length, b.length);
    for (let i = 0; i < common; i++) result.pairs.push([b[i] as T, a[i] as T]);
    result.removed.push(...b.slice(common));
    result.added.push(...a.slice(common));
  }
  return result;
}

/**
 * Field changes between two versions of a node or trigger (its `id` aside), in document order.
 * When the type changed, the other fields are compared as whole values: their shapes differ.
 */
export function diffItem(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  const typeChanged = !jsonEqual(before['type'], after['type']);
  const out: FieldChange[] = [];
  for (const key of unionKeys(before, after)) {
    if (key === 'id') continue;
    if (typeChanged || key === 'type') {
      if (!jsonEqual(before[key], after[key])) out.push(fieldChange(key, before[key], after[key]));
    } else {
      diffJson(before[key], after[key], key, out);
    }
  }
  return out;
}

function edgeRef(edge: FlowEdge): EdgeRef {
  return { id: edge.id, source: edge.source, sourceHandle: edge.sourceHandle, target: edge.target };
}

function byIdThenEndpoints(a: EdgeRef, b: EdgeRef): number {
  return compareStrings(a.id, b.id) || compareStrings(connectionKey(a), connectionKey(b));
}

function connectionKey(edge: EdgeRef): string {
  return JSON.stringify([edge.source, edge.sourceHandle, edge.target]);
}

/**
 * Edges added and removed, compared by connection (source, sourceHandle, target): an edge
 * re-created with a new id is no change; one whose endpoints moved is removed + added.
 * Where a connection is repeated, edges keeping their id are matched first.
 */
export function diffEdges(before: readonly FlowEdge[], after: readonly FlowEdge[]): { added: EdgeRef[]; removed: EdgeRef[] } {
  const groupsBefore = groupBy(before.map(edgeRef), connectionKey);
  const groupsAfter = groupBy(after.map(edgeRef), connectionKey);
  const removed: EdgeRef[] = [];
  const added: EdgeRef[] = [];
  for (const key of new Set([...groupsBefore.keys(), ...groupsAfter.keys()])) {
    const byId = matchBy(groupsBefore.get(key) ?? [], groupsAfter.get(key) ?? [], (edge) => edge.id);
    const renamed = Math.min(byId.removed.length, byId.added.length);
    removed.push(...byId.removed.slice(renamed));
    added.push(...byId.added.slice(renamed));
  }
  return { added: added.sort(byIdThenEndpoints), removed: removed.sort(byIdThenEndpoints) };
}
