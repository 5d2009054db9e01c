import type { z } from 'zod';
import { nodeOutputs, TRIGGER_HANDLE } from '../graph/node-outputs.js';
import { describeNode, describeTrigger, sentence } from '../lint/issue.js';
import {
  EdgeSchema,
  FlowNodeSchema,
  FlowSettingsSchema,
  NODE_TYPES,
  TriggerSchema,
  VariableDefSchema,
  type FlowDocument,
  type FlowEdge,
  type FlowNode,
  type Trigger,
  type VariableDef,
} from '../schema/flow-document.schema.js';
import type { CanvasPoint, FlowOperation } from './flow-operation.js';
import type { OperationError, OperationErrorCode } from './operation-error.js';

/** What the flow document schema allows; an operation that would go past them is refused. */
export const FLOW_LIMITS = { triggers: 20, nodes: 5_000, edges: 20_000, variables: 500, nameLength: 200, descriptionLength: 2_000 } as const;

/** Batches may hold batches, this deep at most (a paste inside a grouped edit, not a tower). */
export const MAX_BATCH_DEPTH = 8;

export type ApplyResult = { ok: true; document: FlowDocument } | { ok: false; error: OperationError };
export type ApplyWithInverseResult = { ok: true; document: FlowDocument; inverse: FlowOperation } | { ok: false; error: OperationError };

type Positions = FlowDocument['ui']['positions'];
type Refusal = { ok: false; error: OperationError };
type Checked<T> = { ok: true; value: T } | Refusal;

/**
 * Applies one operation to a document. Pure: the input is never mutated, and everything the
 * operation does not touch keeps its identity (nodes, edges, lists, `ui`), so a canvas can
 * skip unchanged elements. Refuses, with a reason, what would make the document structurally
 * wrong; what lint reports (dead ends, undefined variables...) is allowed: drafts may be
 * incomplete.
 */
export function applyOperation(document: FlowDocument, op: FlowOperation): ApplyResult {
  const result = applyStep(document, op, 0);
  return result.ok ? { ok: true, document: result.document } : result;
}

/** `applyOperation`, also returning the operation that undoes it (one pass instead of two). */
export function applyOperationWithInverse(document: FlowDocument, op: FlowOperation): ApplyWithInverseResult {
  return applyStep(document, op, 0);
}

/**
 * The operation that undoes `op` applied to `before`: applying `op` then its inverse gives back
 * a document deep-equal to `before`. When `op` does not apply to `before` there is nothing to
 * undo, and the inverse is an empty batch.
 */
export function invertOperation(before: FlowDocument, op: FlowOperation): FlowOperation {
  const result = applyStep(before, op, 0);
  return result.ok ? result.inverse : { type: 'batch', operations: [] };
}

/**
 * Applies operations in order, all or none: the first refusal stops and is returned with the
 * index of the refused operation in `operationIndex`.
 */
export function applyOperations(document: FlowDocument, operations: readonly FlowOperation[]): ApplyResult {
  let current = document;
  let index = 0;
  while (index < operations.length) {
    // A run of moves (a drag sent as it happens) is applied as one: copying the positions of a
    // large flow once instead of once per move. Same result; when the merged move is refused,
    // the moves go one by one below so the error names the right one.
    const end = endOfMoves(operations, index);
    const merged = end - index > 1 ? mergeMoves(operations.slice(index, end)) : undefined;
    const result = merged === undefined ? undefined : applyStep(current, merged, 0);
    if (result?.ok) {
      current = result.document;
      index = end;
      continue;
    }
    const op = operations[index] as FlowOperation;
    const single = applyStep(current, op, 0);
    if (!single.ok) return { ok: false, error: { ...single.error, operationIndex: index } };
    current = single.document;
    index++;
  }
  return { ok: true, document: current };
}

function endOfMoves(operations: readonly FlowOperation[], start: number): number {
  let end = start;
  while (operations[end]?.type === 'move') end++;
  return end;
}

/** One move doing what these do in order, or undefined when one is malformed. */
function mergeMoves(moves: readonly FlowOperation[]): FlowOperation | undefined {
  const positions = new Map<string, unknown>();
  const clear = new Set<string>();
  for (const move of moves) {
    if (move.type !== 'move' || !isRecord(move.positions) || (move.clear !== undefined && !Array.isArray(move.clear))) return undefined;
    // Within one move, clear comes first, then positions.
    for (const id of move.clear ?? []) {
      if (typeof id !== 'string') return undefined;
      positions.delete(id);
      clear.add(id);
    }
    for (const [id, point] of Object.entries(move.positions)) positions.set(id, point);
  }
  const merged: Record<string, CanvasPoint> = {};
  for (const [id, point] of positions) setOwn(merged, id, point as CanvasPoint);
  return { type: 'move', positions: merged, ...(clear.size > 0 ? { clear: [...clear] } : {}) };
}

function applyStep(doc: FlowDocument, op: FlowOperation, depth: number): ApplyWithInverseResult {
  switch (op.type) {
    case 'add_node':
      return addNode(doc, op);
    case 'update_node':
      return updateNode(doc, op);
    case 'add_trigger':
      return addTrigger(doc, op);
    case 'update_trigger':
      return updateTrigger(doc, op);
    case 'connect':
      return connect(doc, op);
    case 'add_elements':
      return addElements(doc, op);
    case 'remove_elements':
      return removeElements(doc, op);
    case 'move':
      return move(doc, op);
    case 'set_variables':
      return setVariables(doc, op);
    case 'update_flow':
      return updateFlow(doc, op);
    case 'batch':
      return batch(doc, op, depth);
    default:
      return refuse('malformed_operation', `"${String((op as { type?: unknown }).type)}" is not an operation Jornada knows.`, { path: 'type' });
  }
}

// ---------------------------------------------------------------------------------------------
// Operations

function addNode(doc: FlowDocument, op: Extract<FlowOperation, { type: 'add_node' }>): ApplyWithInverseResult {
  const node = checkNode(op.node, 'node');
  if (!node.ok) return node;
  const { id } = node.value;
  if (hasElement(doc, id)) return duplicateElement(id, 'node.id');
  if (doc.nodes.length + 1 > FLOW_LIMITS.nodes) return overLimit('nodes', FLOW_LIMITS.nodes);
  const position = checkPoint(op.position, 'position', id);
  if (!position.ok) return position;
  return {
    ok: true,
    document: { ...doc, nodes: [...doc.nodes, node.value], ui: { ...doc.ui, positions: withPositions(doc.ui.positions, [[id, position.value]]) } },
    inverse: { type: 'remove_elements', nodeIds: [id] },
  };
}

function updateNode(doc: FlowDocument, op: Extract<FlowOperation, { type: 'update_node' }>): ApplyWithInverseResult {
  const at = doc.nodes.findIndex((n) => n.id === op.nodeId);
  const previous = doc.nodes[at];
  if (previous === undefined) return unknownNode(op.nodeId, 'nodeId');
  const label = op.label === undefined ? previous.label : op.label === null ? undefined : op.label;
  if (op.data === undefined) return relabel(doc, at, previous, label, op.label);
  const candidate = {
    id: previous.id,
    type: previous.type,
    ...(label === undefined ? {} : { label }),
    data: op.data === undefined ? previous.data : op.data,
  };
  const parsed = FlowNodeSchema.safeParse(candidate);
  if (!parsed.success) {
    // Data meant for another type (the inspector of a message writing to a question...). Empty
    // data fits an end node and says nothing about intent, so it is not taken for one.
    const hasData = isRecord(op.data) && Object.keys(op.data).length > 0;
    const otherType = !hasData ? undefined : NODE_TYPES.find((type) => type !== previous.type && FlowNodeSchema.safeParse({ id: previous.id, type, data: op.data }).success);
    if (otherType !== undefined) {
      return refuse('wrong_node_type', `${sentence(describeNode(previous))} is a ${previous.type} node; these settings are for a ${otherType} node.`, {
        path: 'data',
        elementId: previous.id,
      });
    }
    return invalid('invalid_node', sentence(describeNode(previous)), parsed.error, '', previous.id);
  }
  const node = parsed.data;
  const handles = checkHandles(node, 'data');
  if (!handles.ok) return handles;

  // Outputs the node no longer offers (a removed button, branch, option...) lose their edges.
  const kept = new Set(nodeOutputs(node));
  const gone = new Set(nodeOutputs(previous).filter((handle) => !kept.has(handle)));
  const dropped = collect(doc.edges, (edge) => edge.source === node.id && gone.has(edge.sourceHandle));

  const nodes = [...doc.nodes];
  nodes[at] = node;
  const restore: FlowOperation = {
    type: 'update_node',
    nodeId: node.id,
    ...(op.label === undefined ? {} : { label: previous.label ?? null }),
    ...(op.data === undefined ? {} : { data: previous.data }),
  };
  return {
    ok: true,
    document: dropped.items.length === 0 ? { ...doc, nodes } : { ...doc, nodes, edges: dropped.rest },
    inverse:
      dropped.items.length === 0
        ? restore
        : { type: 'batch', operations: [restore, { type: 'add_elements', edges: dropped.items, indexes: { edges: dropped.indexes } }] },
  };
}

/** A label-only update: the data (already valid) stays as it is, and so do the outputs. */
function relabel(doc: FlowDocument, at: number, previous: FlowNode, label: string | undefined, sent: string | null | undefined): ApplyWithInverseResult {
  if (label !== undefined) {
    const checked = NodeLabelSchema.safeParse(label);
    if (!checked.success) return invalid('invalid_node', `The label of the ${describeNode(previous)}`, checked.error, 'label', previous.id);
  }
  const { label: _previousLabel, ...rest } = previous;
  const nodes = [...doc.nodes];
  nodes[at] = (label === undefined ? rest : { ...rest, label }) as FlowNode;
  return {
    ok: true,
    document: { ...doc, nodes },
    inverse: { type: 'update_node', nodeId: previous.id, ...(sent === undefined ? {} : { label: previous.label ?? null }) },
  };
}

/** The schema of a node's label (the same for every type). */
const NodeLabelSchema = FlowNodeSchema.options[0].shape.label.unwrap();

function addTrigger(doc: FlowDocument, op: Extract<FlowOperation, { type: 'add_trigger' }>): ApplyWithInverseResult {
  const trigger = checkTrigger(op.trigger, 'trigger');
  if (!trigger.ok) return trigger;
  const { id } = trigger.value;
  if (hasElement(doc, id)) return duplicateElement(id, 'trigger.id');
  if (doc.triggers.length + 1 > FLOW_LIMITS.triggers) return overLimit('triggers', FLOW_LIMITS.triggers);
  const position = checkPoint(op.position, 'position', id);
  if (!position.ok) return position;
  return {
    ok: true,
    document: {
      ...doc,
      triggers: [...doc.triggers, trigger.value],
      ui: { ...doc.ui, positions: withPositions(doc.ui.positions, [[id, position.value]]) },
    },
    inverse: { type: 'remove_elements', triggerIds: [id] },
  };
}

function updateTrigger(doc: FlowDocument, op: Extract<FlowOperation, { type: 'update_trigger' }>): ApplyWithInverseResult {
  const id = isRecord(op.trigger) ? op.trigger['id'] : undefined;
  const at = doc.triggers.findIndex((t) => t.id === id);
  const previous = doc.triggers[at];
  if (previous === undefined) {
    return refuse('unknown_trigger', `There is no trigger "${String(id)}" in this flow; it may have been deleted.`, { path: 'trigger.id' });
  }
  const trigger = checkTrigger(op.trigger, 'trigger');
  if (!trigger.ok) return trigger;
  const triggers = [...doc.triggers];
  triggers[at] = trigger.value;
  return { ok: true, document: { ...doc, triggers }, inverse: { type: 'update_trigger', trigger: previous } };
}

function connect(doc: FlowDocument, op: Extract<FlowOperation, { type: 'connect' }>): ApplyWithInverseResult {
  if (doc.edges.length + 1 > FLOW_LIMITS.edges) return overLimit('edges', FLOW_LIMITS.edges);
  const edge = checkEdge(op.edge, 'edge', scanningContext(doc));
  if (!edge.ok) return edge;
  return { ok: true, document: { ...doc, edges: [...doc.edges, edge.value] }, inverse: { type: 'remove_elements', edgeIds: [edge.value.id] } };
}

function addElements(doc: FlowDocument, op: Extract<FlowOperation, { type: 'add_elements' }>): ApplyWithInverseResult {
  const lists = {
    triggers: listOrRefuse(op.triggers, 'triggers'),
    nodes: listOrRefuse(op.nodes, 'nodes'),
    edges: listOrRefuse(op.edges, 'edges'),
  };
  if (!lists.triggers.ok) return lists.triggers;
  if (!lists.nodes.ok) return lists.nodes;
  if (!lists.edges.ok) return lists.edges;

  const ids = elementIds(doc);
  const triggers: Trigger[] = [];
  for (const [i, input] of lists.triggers.value.entries()) {
    const trigger = checkTrigger(input, `triggers.${String(i)}`);
    if (!trigger.ok) return trigger;
    if (ids.has(trigger.value.id)) return duplicateElement(trigger.value.id, `triggers.${String(i)}.id`);
    ids.add(trigger.value.id);
    triggers.push(trigger.value);
  }
  const nodes: FlowNode[] = [];
  for (const [i, input] of lists.nodes.value.entries()) {
    const node = checkNode(input, `nodes.${String(i)}`);
    if (!node.ok) return node;
    if (ids.has(node.value.id)) return duplicateElement(node.value.id, `nodes.${String(i)}.id`);
    ids.add(node.value.id);
    nodes.push(node.value);
  }
  if (doc.triggers.length + triggers.length > FLOW_LIMITS.triggers) return overLimit('triggers', FLOW_LIMITS.triggers);
  if (doc.nodes.length + nodes.length > FLOW_LIMITS.nodes) return overLimit('nodes', FLOW_LIMITS.nodes);
  if (doc.edges.length + lists.edges.value.length > FLOW_LIMITS.edges) return overLimit('edges', FLOW_LIMITS.edges);

  const added = new Set([...triggers, ...nodes].map((element) => element.id));
  const positions: [string, CanvasPoint][] = [];
  if (op.positions !== undefined) {
    if (!isRecord(op.positions)) return malformed('positions', 'positions must map element ids to points.');
    for (const [id, value] of Object.entries(op.positions)) {
      if (!added.has(id)) {
        return refuse('unknown_element', `The position for "${id}" names nothing this operation adds.`, { path: `positions.${id}`, elementId: id });
      }
      const point = checkPoint(value, `positions.${id}`, id);
      if (!point.ok) return point;
      positions.push([id, point.value]);
    }
  }

  const indexes = checkIndexes(op.indexes, { triggers: triggers.length, nodes: nodes.length, edges: lists.edges.value.length });
  if (!indexes.ok) return indexes;

  const context = indexedContext(doc, [...doc.nodes, ...nodes], [...doc.triggers, ...triggers]);
  const edges: FlowEdge[] = [];
  for (const [i, input] of lists.edges.value.entries()) {
    const edge = checkEdge(input, `edges.${String(i)}`, context);
    if (!edge.ok) return edge;
    edges.push(edge.value);
  }

  const document: FlowDocument = { ...doc };
  if (triggers.length > 0) document.triggers = insertAt(doc.triggers, triggers, indexes.value.triggers);
  if (nodes.length > 0) document.nodes = insertAt(doc.nodes, nodes, indexes.value.nodes);
  if (edges.length > 0) document.edges = insertAt(doc.edges, edges, indexes.value.edges);
  if (positions.length > 0) document.ui = { ...doc.ui, positions: withPositions(doc.ui.positions, positions) };
  return {
    ok: true,
    document,
    inverse: {
      type: 'remove_elements',
      ...(triggers.length > 0 ? { triggerIds: triggers.map((t) => t.id) } : {}),
      ...(nodes.length > 0 ? { nodeIds: nodes.map((n) => n.id) } : {}),
      ...(edges.length > 0 ? { edgeIds: edges.map((e) => e.id) } : {}),
    },
  };
}

function removeElements(doc: FlowDocument, op: Extract<FlowOperation, { type: 'remove_elements' }>): ApplyWithInverseResult {
  const lists = {
    triggerIds: listOrRefuse(op.triggerIds, 'triggerIds'),
    nodeIds: listOrRefuse(op.nodeIds, 'nodeIds'),
    edgeIds: listOrRefuse(op.edgeIds, 'edgeIds'),
  };
  if (!lists.triggerIds.ok) return lists.triggerIds;
  if (!lists.nodeIds.ok) return lists.nodeIds;
  if (!lists.edgeIds.ok) return lists.edgeIds;

  const nodeIds = new Set(doc.nodes.map((n) => n.id));
  const triggerIds = new Set(doc.triggers.map((t) => t.id));
  const edgeIds = new Set(doc.edges.map((e) => e.id));
  for (const [i, id] of lists.nodeIds.value.entries()) if (!nodeIds.has(id as string)) return unknownNode(id, `nodeIds.${String(i)}`);
  for (const [i, id] of lists.triggerIds.value.entries()) {
    if (!triggerIds.has(id as string)) {
      return refuse('unknown_trigger', `There is no trigger "${String(id)}" in this flow; it may have been deleted.`, { path: `triggerIds.${String(i)}` });
    }
  }
  for (const [i, id] of lists.edgeIds.value.entries()) {
    if (!edgeIds.has(id as string)) {
      return refuse('unknown_edge', `There is no connection "${String(id)}" in this flow; it may have been deleted.`, { path: `edgeIds.${String(i)}` });
    }
  }

  const elements = new Set([...lists.nodeIds.value, ...lists.triggerIds.value] as string[]);
  const edgesToRemove = new Set(lists.edgeIds.value as string[]);
  const triggers = collect(doc.triggers, (t) => elements.has(t.id));
  const nodes = collect(doc.nodes, (n) => elements.has(n.id));
  const edges = collect(doc.edges, (e) => edgesToRemove.has(e.id) || elements.has(e.source) || elements.has(e.target));
  const positions = [...elements].flatMap((id): [string, CanvasPoint][] => {
    const point = ownPosition(doc.ui.positions, id);
    return point === undefined ? [] : [[id, point]];
  });

  const document: FlowDocument = { ...doc };
  if (triggers.items.length > 0) document.triggers = triggers.rest;
  if (nodes.items.length > 0) document.nodes = nodes.rest;
  if (edges.items.length > 0) document.edges = edges.rest;
  if (positions.length > 0) {
    document.ui = { ...doc.ui, positions: withoutPositions(doc.ui.positions, elements) };
  }
  const indexes: NonNullable<Extract<FlowOperation, { type: 'add_elements' }>['indexes']> = {};
  if (triggers.items.length > 0) indexes.triggers = triggers.indexes;
  if (nodes.items.length > 0) indexes.nodes = nodes.indexes;
  if (edges.items.length > 0) indexes.edges = edges.indexes;
  return {
    ok: true,
    document,
    inverse: {
      type: 'add_elements',
      ...(triggers.items.length > 0 ? { triggers: triggers.items } : {}),
      ...(nodes.items.length > 0 ? { nodes: nodes.items } : {}),
      ...(edges.items.length > 0 ? { edges: edges.items } : {}),
      ...(positions.length > 0 ? { positions: Object.fromEntries(positions) } : {}),
      ...(Object.keys(indexes).length > 0 ? { indexes } : {}),
    },
  };
}

function move(doc: FlowDocument, op: Extract<FlowOperation, { type: 'move' }>): ApplyWithInverseResult {
  if (!isRecord(op.positions)) return malformed('positions', 'positions must map node or trigger ids to points.');
  const clear = listOrRefuse(op.clear, 'clear');
  if (!clear.ok) return clear;
  const ids = elementIds(doc);
  const moved: [string, CanvasPoint][] = [];
  for (const [id, value] of Object.entries(op.positions)) {
    if (!ids.has(id)) return unknownElement(id, `positions.${id}`);
    const point = checkPoint(value, `positions.${id}`, id);
    if (!point.ok) return point;
    moved.push([id, point.value]);
  }
  for (const [i, id] of clear.value.entries()) if (!ids.has(id as string)) return unknownElement(id, `clear.${String(i)}`);

  const touched = new Set([...(clear.value as string[]), ...moved.map(([id]) => id)]);
  const cleared = new Set(clear.value as string[]);
  const positions = withPositions(cleared.size === 0 ? doc.ui.positions : withoutPositions(doc.ui.positions, cleared), moved);
  const previous: [string, CanvasPoint][] = [];
  const unplaced: string[] = [];
  const movedIds = new Set(moved.map(([id]) => id));
  for (const id of touched) {
    const point = ownPosition(doc.ui.positions, id);
    if (point !== undefined) previous.push([id, point]);
    else if (movedIds.has(id)) unplaced.push(id);
  }
  return {
    ok: true,
    document: touched.size === 0 ? doc : { ...doc, ui: { ...doc.ui, positions } },
    inverse: { type: 'move', positions: Object.fromEntries(previous), ...(unplaced.length > 0 ? { clear: unplaced } : {}) },
  };
}

function setVariables(doc: FlowDocument, op: Extract<FlowOperation, { type: 'set_variables' }>): ApplyWithInverseResult {
  if (!Array.isArray(op.variables)) return malformed('variables', 'variables must be a list.');
  if (op.variables.length > FLOW_LIMITS.variables) return overLimit('variables', FLOW_LIMITS.variables);
  const variables: VariableDef[] = [];
  const names = new Set<string>();
  for (const [i, input] of (op.variables as unknown[]).entries()) {
    const parsed = VariableDefSchema.safeParse(input);
    const name = isRecord(input) && typeof input['name'] === 'string' ? `The variable "${input['name']}"` : `Variable ${String(i + 1)}`;
    if (!parsed.success) return invalid('invalid_variables', name, parsed.error, `variables.${String(i)}`);
    if (names.has(parsed.data.name)) {
      return refuse('duplicate_variable', `Two variables are called "${parsed.data.name}"; give each its own name.`, { path: `variables.${String(i)}.name` });
    }
    names.add(parsed.data.name);
    variables.push(parsed.data);
  }
  return { ok: true, document: { ...doc, variables }, inverse: { type: 'set_variables', variables: doc.variables } };
}

function updateFlow(doc: FlowDocument, op: Extract<FlowOperation, { type: 'update_flow' }>): ApplyWithInverseResult {
  const document: FlowDocument = { ...doc };
  const inverse: Extract<FlowOperation, { type: 'update_flow' }> = { type: 'update_flow' };
  if (op.name !== undefined) {
    const name = typeof op.name === 'string' ? op.name.trim() : '';
    if (name === '') return refuse('invalid_flow', 'The flow needs a name.', { path: 'name' });
    if (name.length > FLOW_LIMITS.nameLength) {
      return refuse('invalid_flow', `The flow name is too long: at most ${String(FLOW_LIMITS.nameLength)} characters.`, { path: 'name' });
    }
    document.name = name;
    inverse.name = doc.name;
  }
  if (op.description !== undefined) {
    if (op.description !== null && typeof op.description !== 'string') return malformed('description', 'description must be text or null.');
    if (op.description !== null && op.description.length > FLOW_LIMITS.descriptionLength) {
      return refuse('invalid_flow', `The description is too long: at most ${String(FLOW_LIMITS.descriptionLength)} characters.`, { path: 'description' });
    }
    // An empty description is no description, as when the flow is renamed.
    if (op.description === null || op.description === '') delete document.description;
    else document.description = op.description;
    inverse.description = doc.description ?? null;
  }
  if (op.settings !== undefined) {
    if (!isRecord(op.settings)) return malformed('settings', 'settings must be an object.');
    const changed = Object.entries(op.settings).filter(([, value]) => value !== undefined);
    const parsed = FlowSettingsSchema.safeParse({ ...doc.settings, ...Object.fromEntries(changed) });
    if (!parsed.success) return invalid('invalid_flow', 'The flow settings', parsed.error, 'settings');
    document.settings = parsed.data;
    const settings = doc.settings as Record<string, unknown>;
    inverse.settings = Object.fromEntries(changed.map(([key]) => [key, settings[key]])) as Partial<FlowDocument['settings']>;
  }
  return { ok: true, document, inverse };
}

function batch(doc: FlowDocument, op: Extract<FlowOperation, { type: 'batch' }>, depth: number): ApplyWithInverseResult {
  if (!Array.isArray(op.operations)) return malformed('operations', 'operations must be a list.');
  if (depth >= MAX_BATCH_DEPTH) {
    return refuse('batch_too_deep', `Batches may be nested ${String(MAX_BATCH_DEPTH)} deep at most.`, { path: 'operations' });
  }
  let current = doc;
  const inverses: FlowOperation[] = [];
  for (const [i, inner] of op.operations.entries()) {
    const result = isRecord(inner) ? applyStep(current, inner, depth + 1) : malformed('', 'each operation must be an object.');
    if (!result.ok) {
      const path = result.error.path === undefined || result.error.path === '' ? `operations.${String(i)}` : `operations.${String(i)}.${result.error.path}`;
      return { ok: false, error: { ...result.error, path } };
    }
    current = result.document;
    inverses.push(result.inverse);
  }
  return { ok: true, document: current, inverse: { type: 'batch', operations: inverses.reverse() } };
}

// ---------------------------------------------------------------------------------------------
// Checks

function checkNode(input: unknown, path: string): Checked<FlowNode> {
  const parsed = FlowNodeSchema.safeParse(input);
  const id = isRecord(input) && typeof input['id'] === 'string' ? input['id'] : undefined;
  if (!parsed.success) {
    const what = isRecord(input) && typeof input['type'] === 'string' && id !== undefined ? describeNode({ id, type: input['type'] }) : 'node';
    return invalid('invalid_node', `The ${what}`, parsed.error, path, id);
  }
  const handles = checkHandles(parsed.data, `${path}.data`);
  return handles.ok ? { ok: true, value: parsed.data } : handles;
}

/** Button, option, branch and variant ids are output handles: each must name one output. */
function checkHandles(node: FlowNode, path: string): Checked<FlowNode> {
  const seen = new Set<string>();
  for (const handle of nodeOutputs(node)) {
    if (seen.has(handle)) {
      return refuse('duplicate_handle', `${sentence(describeNode(node))} has two outputs named "${handle}"; give each choice its own id.`, {
        path,
        elementId: node.id,
      });
    }
    seen.add(handle);
  }
  return { ok: true, value: node };
}

function checkTrigger(input: unknown, path: string): Checked<Trigger> {
  const parsed = TriggerSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const id = isRecord(input) && typeof input['id'] === 'string' ? input['id'] : undefined;
  return invalid('invalid_trigger', id === undefined ? 'The trigger' : `The trigger "${id}"`, parsed.error, path, id);
}

/** What checking an edge needs to know about the document it goes into. */
interface EdgeContext {
  node(id: string): FlowNode | undefined;
  trigger(id: string): Trigger | undefined;
  edgeIdTaken(id: string): boolean;
  outputTaken(source: string, handle: string): boolean;
  /** Records an accepted edge, so the next ones of the same operation see it. */
  accept(edge: FlowEdge): void;
}

/** For one edge: plain scans, nothing built (a connect on a large flow stays cheap). */
function scanningContext(doc: FlowDocument): EdgeContext {
  return {
    node: (id) => doc.nodes.find((n) => n.id === id),
    trigger: (id) => doc.triggers.find((t) => t.id === id),
    edgeIdTaken: (id) => doc.edges.some((e) => e.id === id),
    outputTaken: (source, handle) => doc.edges.some((e) => e.source === source && e.sourceHandle === handle),
    accept: () => undefined,
  };
}

/** For many edges: indexes built once. */
function indexedContext(doc: FlowDocument, nodes: readonly FlowNode[], triggers: readonly Trigger[]): EdgeContext {
  const nodeById = new Map(nodes.map((n) => [n.id, n]));
  const triggerById = new Map(triggers.map((t) => [t.id, t]));
  const edgeIds = new Set(doc.edges.map((e) => e.id));
  const outputs = new Set(doc.edges.map((e) => outputKey(e.source, e.sourceHandle)));
  return {
    node: (id) => nodeById.get(id),
    trigger: (id) => triggerById.get(id),
    edgeIdTaken: (id) => edgeIds.has(id),
    outputTaken: (source, handle) => outputs.has(outputKey(source, handle)),
    accept: (edge) => {
      edgeIds.add(edge.id);
      outputs.add(outputKey(edge.source, edge.sourceHandle));
    },
  };
}

function checkEdge(input: unknown, path: string, context: EdgeContext): Checked<FlowEdge> {
  const parsed = EdgeSchema.safeParse(input);
  if (!parsed.success) return invalid('invalid_edge', 'The connection', parsed.error, path);
  const edge = parsed.data;
  if (context.edgeIdTaken(edge.id)) {
    return refuse('duplicate_id', `Another connection already uses the id "${edge.id}".`, { path: `${path}.id`, elementId: edge.id });
  }
  const node = context.node(edge.source);
  const trigger = context.trigger(edge.source);
  if (node === undefined && trigger === undefined) {
    return refuse('unknown_source', `The connection starts at "${edge.source}", which is not a node or trigger of this flow.`, {
      path: `${path}.source`,
      elementId: edge.source,
    });
  }
  const name = node === undefined ? describeTrigger(trigger as Trigger) : describeNode(node);
  const offered = node === undefined ? [TRIGGER_HANDLE] : nodeOutputs(node);
  if (!offered.includes(edge.sourceHandle)) {
    const hint = offered.length === 0 ? 'it has no outputs' : `its outputs are ${offered.map((h) => `"${h}"`).join(', ')}`;
    return refuse('unknown_handle', `${sentence(`the ${name}`)} has no output "${edge.sourceHandle}" (${hint}).`, {
      path: `${path}.sourceHandle`,
      elementId: edge.source,
    });
  }
  const intoTrigger = context.trigger(edge.target);
  if (intoTrigger !== undefined) {
    return refuse('edge_into_trigger', `A connection cannot lead into the ${describeTrigger(intoTrigger)}: triggers start the flow.`, {
      path: `${path}.target`,
      elementId: edge.target,
    });
  }
  if (context.node(edge.target) === undefined) {
    return refuse('unknown_target', `The connection leads to "${edge.target}", which is not a node of this flow.`, {
      path: `${path}.target`,
      elementId: edge.target,
    });
  }
  if (edge.source === edge.target) {
    return refuse('self_loop', `${sentence(`the ${name}`)} cannot be connected to itself.`, { path: `${path}.target`, elementId: edge.source });
  }
  if (context.outputTaken(edge.source, edge.sourceHandle)) {
    return refuse('output_taken', `The "${edge.sourceHandle}" output of the ${name} is already connected; remove that connection first.`, {
      path: `${path}.sourceHandle`,
      elementId: edge.source,
    });
  }
  context.accept(edge);
  return { ok: true, value: edge };
}

function checkPoint(input: unknown, path: string, elementId: string): Checked<CanvasPoint> {
  if (isRecord(input) && Number.isFinite(input['x']) && Number.isFinite(input['y'])) {
    return { ok: true, value: { x: input['x'] as number, y: input['y'] as number } };
  }
  return refuse('invalid_position', `The position of "${elementId}" must be a point with finite x and y.`, { path, elementId });
}

type IndexLists = NonNullable<Extract<FlowOperation, { type: 'add_elements' }>['indexes']>;

function checkIndexes(input: unknown, counts: Record<keyof IndexLists, number>): Checked<IndexLists> {
  if (input === undefined) return { ok: true, value: {} };
  if (!isRecord(input)) return malformed('indexes', 'indexes must be an object of lists.');
  for (const key of Object.keys(input)) {
    if (!(key in counts)) return malformed(`indexes.${key}`, `indexes has no list "${key}".`);
  }
  for (const key of ['triggers', 'nodes', 'edges'] as const) {
    const list = input[key];
    if (list === undefined) continue;
    if (!Array.isArray(list) || list.length !== counts[key] || !list.every((i) => Number.isSafeInteger(i) && (i as number) >= 0)) {
      return malformed(`indexes.${key}`, `indexes.${key} must give one position (a whole number from 0) for each of the ${String(counts[key])} ${key} added.`);
    }
  }
  return { ok: true, value: input as IndexLists };
}

// ---------------------------------------------------------------------------------------------
// Helpers

function outputKey(source: string, handle: string): string {
  return `${source}\u0000${handle}`;
}

/** Whether a node or trigger has this id (one namespace, since an edge's source may be either). */
function hasElement(doc: FlowDocument, id: string): boolean {
  return doc.nodes.some((n) => n.id === id) || doc.triggers.some((t) => t.id === id);
}

/** Ids of nodes and triggers. */
function elementIds(doc: FlowDocument): Set<string> {
  return new Set([...doc.nodes.map((n) => n.id), ...doc.triggers.map((t) => t.id)]);
}

/** Own property only: an id such as "constructor" must not read the prototype. */
function ownPosition(positions: Positions, id: string): CanvasPoint | undefined {
  return Object.hasOwn(positions, id) ? positions[id] : undefined;
}

/** A copy of `positions` with these set ("__proto__" included: it is an id like any other). */
function withPositions(positions: Positions, entries: readonly (readonly [string, CanvasPoint])[]): Positions {
  const copy = { ...positions };
  for (const [id, point] of entries) setOwn(copy, id, point);
  return copy;
}

/** A copy of `positions` without these ids. */
function withoutPositions(positions: Positions, ids: ReadonlySet<string>): Positions {
  const copy: Positions = {};
  for (const [id, point] of Object.entries(positions)) if (!ids.has(id)) setOwn(copy, id, point);
  return copy;
}

/** `record[key] = value` as a data property: assigning "__proto__" would set the prototype. */
function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
  else record[key] = value;
}

/** Splits a list into the items that match (with their indexes) and the rest, keeping order. */
function collect<T>(list: readonly T[], match: (item: T) => boolean): { items: T[]; indexes: number[]; rest: T[] } {
  const items: T[] = [];
  const indexes: number[] = [];
  const rest: T[] = [];
  list.forEach((item, i) => {
    if (match(item)) {
      items.push(item);
      indexes.push(i);
    } else rest.push(item);
  });
  return { items, indexes, rest };
}

/**
 * `list` with `items` inserted so that `items[i]` ends at `indexes[i]` (appended without
 * indexes). Inserting in increasing index order puts back exactly what a removal took out.
 */
function insertAt<T>(list: readonly T[], items: readonly T[], indexes: readonly number[] | undefined): T[] {
  if (indexes === undefined) return [...list, ...items];
  const placed = items.map((item, i) => ({ item, at: indexes[i] ?? Number.MAX_SAFE_INTEGER })).sort((a, b) => a.at - b.at);
  const result = [...list];
  for (const { item, at } of placed) result.splice(Math.min(at, result.length), 0, item);
  return result;
}

function listOrRefuse(input: unknown, path: string): Checked<unknown[]> {
  if (input === undefined) return { ok: true, value: [] };
  return Array.isArray(input) ? { ok: true, value: input as unknown[] } : malformed(path, `${path} must be a list.`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function refuse(code: OperationErrorCode, message: string, extra: { path?: string; elementId?: string } = {}): Refusal {
  return { ok: false, error: { code, message, ...extra } };
}

function malformed(path: string, message: string): Refusal {
  return refuse('malformed_operation', sentence(message), path === '' ? {} : { path });
}

/** A refusal from a schema: the first issue, its path under `path`, in the message. */
function invalid(code: OperationErrorCode, subject: string, error: z.ZodError, path: string, elementId?: string): Refusal {
  const issue = error.issues[0];
  const field = (issue?.path ?? []).map(String).join('.');
  const full = [path, field].filter((part) => part !== '').join('.');
  const detail = issue?.message ?? 'not valid';
  return refuse(code, `${subject} is not valid: ${field === '' ? detail : `${field}: ${detail}`}.`, {
    ...(full === '' ? {} : { path: full }),
    ...(elementId === undefined ? {} : { elementId }),
  });
}

function duplicateElement(id: string, path: string): Refusal {
  return refuse('duplicate_id', `Another node or trigger already uses the id "${id}".`, { path, elementId: id });
}

function unknownNode(id: unknown, path: string): Refusal {
  return refuse('unknown_node', `There is no node "${String(id)}" in this flow; it may have been deleted.`, { path });
}

function unknownElement(id: unknown, path: string): Refusal {
  return refuse('unknown_element', `There is no node or trigger "${String(id)}" in this flow; it may have been deleted.`, { path });
}

function overLimit(what: 'triggers' | 'nodes' | 'edges' | 'variables', limit: number): Refusal {
  const names = { triggers: 'triggers', nodes: 'nodes', edges: 'connections', variables: 'variables' } as const;
  return refuse('limit_exceeded', `A flow can have at most ${limit.toLocaleString('en')} ${names[what]}.`);
}
