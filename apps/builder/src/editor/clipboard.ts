import { EdgeSchema, FlowNodeSchema, TriggerSchema, type CanvasPoint, type FlowDocument, type FlowEdge, type FlowNode, type FlowOperation, type Trigger } from '@jornada/flow-engine';
import { newId } from './node-catalog.js';

/** What Copy puts on the clipboard: boxes, the connections between them, and their layout. */
export interface ClipboardPayload {
  readonly format: typeof CLIPBOARD_FORMAT;
  readonly triggers: readonly Trigger[];
  readonly nodes: readonly FlowNode[];
  readonly edges: readonly FlowEdge[];
  readonly positions: Readonly<Record<string, CanvasPoint>>;
}

export const CLIPBOARD_FORMAT = 'jornada/flow-elements@1';
/** Copies survive across tabs and flows of this browser, even where the Clipboard API is refused. */
export const CLIPBOARD_STORAGE_KEY = 'jornada.editor.clipboard';


/** The selected boxes and the connections with both ends selected; null when nothing is selected. */
export function copySelection(document: FlowDocument, selected: ReadonlySet<string>): ClipboardPayload | null {
  const triggers = document.triggers.filter((trigger) => selected.has(trigger.id));
  const nodes = document.nodes.filter((node) => selected.has(node.id));
  if (triggers.length + nodes.length === 0) return null;
  const edges = document.edges.filter((edge) => selected.has(edge.source) && selected.has(edge.target));
  const positions: Record<string, CanvasPoint> = {};
  for (const element of [...triggers, ...nodes]) {
    const position = document.ui.positions[element.id];
    if (position !== undefined) positions[element.id] = { x: position.x, y: position.y };
  }
  return { format: CLIPBOARD_FORMAT, triggers, nodes, edges, positions };
}

/** Reads clipboard text; null when it is not a Jornada copy (or not valid). */
export function parseClipboard(text: string | null | undefined): ClipboardPayload | null {
  if (text === null || text === undefined || !text.includes(CLIPBOARD_FORMAT)) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(value) || value['format'] !== CLIPBOARD_FORMAT) return null;
  // Pasted text is untrusted: each element goes through the flow schema, as an import would.
  const triggers = parseAll(value['triggers'], (item) => TriggerSchema.safeParse(item));
  const nodes = parseAll(value['nodes'], (item) => FlowNodeSchema.safeParse(item));
  const edges = parseAll(value['edges'], (item) => EdgeSchema.safeParse(item));
  if (triggers === null || nodes === null || edges === null) return null;
  const positions: Record<string, CanvasPoint> = {};
  if (isRecord(value['positions'])) {
    for (const [id, point] of Object.entries(value['positions'])) {
      if (isRecord(point) && typeof point['x'] === 'number' && typeof point['y'] === 'number') positions[id] = { x: point['x'], y: point['y'] };
    }
  }
  return { format: CLIPBOARD_FORMAT, triggers, nodes, edges, positions };
}

function parseAll<T>(items: unknown, parse: (item: unknown) => { success: true; data: T } | { success: false }): T[] | null {
  if (!Array.isArray(items)) return null;
  const parsed: T[] = [];
  for (const item of items) {
    const result = parse(item);
    if (!result.success) return null;
    parsed.push(result.data);
  }
  return parsed;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function serializeClipboard(payload: ClipboardPayload): string {
  return JSON.stringify(payload);
}

/** The top-left corner of the copied boxes (for placing a paste). */
export function payloadOrigin(payload: ClipboardPayload): CanvasPoint {
  const points = Object.values(payload.positions);
  if (points.length === 0) return { x: 0, y: 0 };
  return { x: Math.min(...points.map((p) => p.x)), y: Math.min(...points.map((p) => p.y)) };
}

/**
 * The operation that pastes `payload`: every box, trigger and connection gets a new id (so a
 * paste never collides with what is there), connections between copied boxes follow their
 * copies, and positions shift by `offset`. Returns the operation and the new ids (to select them).
 */
export function pasteOperation(payload: ClipboardPayload, offset: CanvasPoint): { operation: FlowOperation; ids: string[] } {
  const renamed = new Map<string, string>();
  const rename = (id: string, prefix: string) => {
    const next = newId(prefix);
    renamed.set(id, next);
    return next;
  };
  const triggers = payload.triggers.map((trigger) => ({ ...trigger, id: rename(trigger.id, trigger.type === 'commerce_event' ? 'trigger' : trigger.type) }));
  const nodes = payload.nodes.map((node) => ({ ...node, id: rename(node.id, node.type) }) as FlowNode);
  const edges = payload.edges.flatMap((edge) => {
    const source = renamed.get(edge.source);
    const target = renamed.get(edge.target);
    return source === undefined || target === undefined ? [] : [{ id: newId('edge'), source, sourceHandle: edge.sourceHandle, target }];
  });
  const origin = payloadOrigin(payload);
  const positions: Record<string, CanvasPoint> = {};
  [...payload.triggers, ...payload.nodes].forEach((element, index) => {
    const position = payload.positions[element.id] ?? { x: origin.x + index * 40, y: origin.y + index * 40 };
    const id = renamed.get(element.id);
    if (id !== undefined) positions[id] = { x: position.x + offset.x, y: position.y + offset.y };
  });
  return { operation: { type: 'add_elements', triggers, nodes, edges, positions }, ids: [...renamed.values()] };
}
