import type { Json } from '../schema/common.schema.js';

/** One field that differs between two versions of the same item. */
export interface FieldChange {
  /** Dotted path inside the item, e.g. `data.buttons.1.title`, `type`, `label`; `channels` in settings, `name` in meta. */
  path: string;
  /** The value before (a copy), `undefined` when the field was absent. */
  before: Json | undefined;
  /** The value after (a copy), `undefined` when the field was removed. */
  after: Json | undefined;
}

/** A node that was added or removed. */
export interface NodeChange {
  id: string;
  type: string;
  label?: string;
}

/** A node present in both versions whose content differs. `type` and `label` are the newer ones. */
export interface NodeFieldChanges extends NodeChange {
  /** What changed, in document order. A change of type is the field `type`; `data` then changes as a whole. */
  fields: FieldChange[];
}

/** A trigger that was added or removed. */
export interface TriggerChange {
  id: string;
  type: string;
}

/** A trigger present in both versions whose content differs. */
export interface TriggerFieldChanges extends TriggerChange {
  fields: FieldChange[];
}

/** A connection between two boxes. Edges are compared by (source, sourceHandle, target), not by id. */
export interface EdgeRef {
  id: string;
  source: string;
  sourceHandle: string;
  target: string;
}

/** Added, removed and changed items of one kind, each list ordered by id. */
export interface ItemChanges<Ref, Changed> {
  added: Ref[];
  removed: Ref[];
  changed: Changed[];
}

/**
 * What changed between two versions of a flow. Layout (`ui`) is not a change of behaviour: it
 * only sets `layoutOnly`. Lists are ordered by id (variables by name), field paths follow the
 * document, so the same two documents always give the same diff.
 */
export interface FlowDiff {
  nodes: ItemChanges<NodeChange, NodeFieldChanges>;
  /** An edge whose endpoints changed is removed + added; the same connection under a new id is no change. */
  edges: { added: EdgeRef[]; removed: EdgeRef[] };
  triggers: ItemChanges<TriggerChange, TriggerFieldChanges>;
  /** Variable names; `changed` when the type, default or description differs. */
  variables: ItemChanges<string, string>;
  /** Settings that differ (`channels`, `stepBudget`), defaults applied, each as a whole value. */
  settings: FieldChange[];
  /** Document fields that differ: `name`, `description`. */
  meta: FieldChange[];
  /** True when nothing above changed but the layout (`ui`: positions, viewport) did. */
  layoutOnly: boolean;
  /**
   * Counts: added and removed nodes, triggers, edges and variables; changed nodes, triggers and
   * variables plus each differing settings and meta field.
   */
  summary: { added: number; removed: number; changed: number };
}
