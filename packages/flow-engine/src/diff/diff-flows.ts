import type { FlowDocument, FlowNode, Trigger, VariableDef } from '../schema/flow-document.schema.js';
import { definedKeys, diffShallow, isRecord, jsonEqual } from './json.js';
import { diffEdges, diffItem, matchBy } from './match.js';
import type { FieldChange, FlowDiff, ItemChanges, NodeChange, TriggerChange } from './types.js';

/** What an absent `settings` / `ui` means (the schema's defaults), so "absent" and "default" are equal. */
const DEFAULT_SETTINGS: Readonly<Record<string, unknown>> = { channels: ['whatsapp'], stepBudget: 200 };
const DEFAULT_UI: Readonly<Record<string, unknown>> = { positions: {}, viewport: { x: 0, y: 0, zoom: 1 } };
const META_KEYS = ['name', 'description'] as const;

function withDefaults(defaults: Readonly<Record<string, unknown>>, value: unknown): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...defaults };
  if (isRecord(value)) for (const key of definedKeys(value)) merged[key] = value[key];
  return merged;
}

function nodeRef(node: FlowNode, previous?: FlowNode): NodeChange {
  const label = node.label ?? previous?.label;
  return label === undefined ? { id: node.id, type: node.type } : { id: node.id, type: node.type, label };
}

function triggerRef(trigger: Trigger): TriggerChange {
  return { id: trigger.id, type: trigger.type };
}

function diffItems<T extends { id: string }, R>(
  before: readonly T[] | undefined,
  after: readonly T[] | undefined,
  ref: (item: T, previous?: T) => R,
): ItemChanges<R, R & { fields: FieldChange[] }> {
  const matched = matchBy(before ?? [], after ?? [], (item) => item.id);
  const changed: Array<R & { fields: FieldChange[] }> = [];
  for (const [b, a] of matched.pairs) {
    const fields = diffItem(b, a);
    if (fields.length > 0) changed.push({ ...ref(a, b), fields });
  }
  return { added: matched.added.map((item) => ref(item)), removed: matched.removed.map((item) => ref(item)), changed };
}

function diffVariables(before: readonly VariableDef[] | undefined, after: readonly VariableDef[] | undefined): ItemChanges<string, string> {
  const matched = matchBy(before ?? [], after ?? [], (variable) => variable.name);
  return {
    added: matched.added.map((v) => v.name),
    removed: matched.removed.map((v) => v.name),
    changed: matched.pairs.filter(([b, a]) => !jsonEqual(b, a)).map(([, a]) => a.name),
  };
}

/**
 * What changed between two versions of a flow, for the builder's versions screen and the API.
 *
 * Nodes and triggers are matched by id, variables by name, edges by connection
 * (source, sourceHandle, target) so a connection re-created under a new id is no change.
 * Field paths are dotted (`data.buttons.1.title`); a node whose type changed lists `type`
 * and its whole `data`. Layout (`ui`) only sets `layoutOnly`. The result is deterministic
 * (lists by id, fields in document order), holds copies rather than references into the
 * documents, and is empty for identical documents. Pure; never throws for valid documents.
 */
export function diffFlows(before: FlowDocument, after: FlowDocument): FlowDiff {
  const nodes = diffItems<FlowNode, NodeChange>(before.nodes, after.nodes, nodeRef);
  const triggers = diffItems<Trigger, TriggerChange>(before.triggers, after.triggers, triggerRef);
  const edges = diffEdges(before.edges ?? [], after.edges ?? []);
  const variables = diffVariables(before.variables, after.variables);
  const settings = diffShallow(withDefaults(DEFAULT_SETTINGS, before.settings), withDefaults(DEFAULT_SETTINGS, after.settings));
  const meta = diffShallow(pickMeta(before), pickMeta(after));

  const added = nodes.added.length + triggers.added.length + edges.added.length + variables.added.length;
  const removed = nodes.removed.length + triggers.removed.length + edges.removed.length + variables.removed.length;
  const changed = nodes.changed.length + triggers.changed.length + variables.changed.length + settings.length + meta.length;
  const semantic = added + removed + changed > 0;
  const layoutOnly = !semantic && !jsonEqual(withDefaults(DEFAULT_UI, before.ui), withDefaults(DEFAULT_UI, after.ui));

  return { nodes, edges, triggers, variables, settings, meta, layoutOnly, summary: { added, removed, changed } };
}

function pickMeta(doc: FlowDocument): Record<string, unknown> {
  const meta: Record<string, unknown> = {};
  for (const key of META_KEYS) meta[key] = doc[key];
  return meta;
}

/** True when two versions behave the same (they may still differ in layout). */
export function isEmptyDiff(diff: FlowDiff): boolean {
  const { added, removed, changed } = diff.summary;
  return added + removed + changed === 0;
}
