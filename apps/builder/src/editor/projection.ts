import type { Edge, Node } from '@xyflow/react';
import { nodeOutputs, SURVEY_BANDS, TRIGGER_HANDLE, type FlowDocument, type FlowEdge, type FlowNode, type Trigger } from '@jornada/flow-engine';
import { estimateBox } from './box-estimate.js';

/**
 * The canvas is a projection of the flow document (STYLE rule 6): React Flow nodes and edges
 * are derived from `document`, positions from `document.ui.positions`. Nothing on the canvas
 * is edited in place; edits are operations on the document, and the canvas follows.
 */

/** One output handle of a box: a button, a branch, a band, a variant, `timeout`... */
export interface OutputPort {
  /** The edge's `sourceHandle`. */
  readonly id: string;
  /** What the marketer wrote (a button title, a branch label); null for the fixed outputs (`next`, `timeout`...), which the node names in the reader's language. */
  readonly label: string | null;
  /** A second word: a variant's weight, a band's score range, a branch's condition. */
  readonly detail?: string;
  /** Fixed outputs that mean "something else happened": drawn apart from the choices. */
  readonly fallback: boolean;
}

export interface IssueCount {
  readonly errors: number;
  readonly warnings: number;
}

/** How the simulator's path marks a box. */
export type SimulationMark = 'entered' | 'current' | null;

export type FlowNodeData = {
  readonly kind: 'node';
  readonly node: FlowNode;
  readonly outputs: readonly OutputPort[];
  readonly issues: IssueCount | null;
  readonly sim: SimulationMark;
};

export type TriggerNodeData = {
  readonly kind: 'trigger';
  readonly trigger: Trigger;
  readonly outputs: readonly OutputPort[];
  readonly issues: IssueCount | null;
  readonly sim: SimulationMark;
};

export type CanvasNode = Node<FlowNodeData, 'flow'> | Node<TriggerNodeData, 'trigger'>;
export type CanvasEdge = Edge<{ taken: boolean }>;

/** Fixed outputs that are not one of the marketer's choices. */
const FALLBACK_OUTPUTS: ReadonlySet<string> = new Set(['other', 'invalid', 'timeout', 'else', 'reply', 'error', 'returned']);

/** The output handles of a node, in display order, with the labels the marketer gave them. */
export function outputPorts(node: FlowNode): OutputPort[] {
  const labels = new Map<string, { label: string | null; detail?: string }>();
  switch (node.type) {
    case 'message':
      for (const button of node.data.buttons ?? []) labels.set(button.id, { label: button.title });
      for (const section of node.data.list?.sections ?? []) for (const row of section.rows) labels.set(row.id, { label: row.title });
      break;
    case 'question':
      for (const option of node.data.kind === 'choice' ? (node.data.options ?? []) : []) labels.set(option.id, { label: option.title });
      break;
    case 'condition':
      for (const branch of node.data.branches) labels.set(branch.id, { label: branch.label?.trim() ? branch.label : branch.when, detail: branch.label?.trim() ? branch.when : undefined });
      break;
    case 'survey':
      for (const band of SURVEY_BANDS[node.data.kind]) labels.set(band.handle, { label: null, detail: band.min === band.max ? String(band.min) : `${String(band.min)}–${String(band.max)}` });
      break;
    case 'ab_split': {
      const total = node.data.variants.reduce((sum, variant) => sum + variant.weight, 0);
      node.data.variants.forEach((variant, index) =>
        labels.set(variant.id, { label: variant.label?.trim() ? variant.label : String.fromCharCode(65 + index), detail: `${String(Math.round((variant.weight / (total || 1)) * 100))}%` }),
      );
      break;
    }
    case 'whatsapp_template':
      for (const reply of node.data.quickReplies ?? []) labels.set(reply.id, { label: reply.title });
      break;
    default:
  }
  return nodeOutputs(node).map((id) => {
    const named = labels.get(id);
    const port: OutputPort = { id, label: named?.label ?? null, fallback: FALLBACK_OUTPUTS.has(id) && named === undefined };
    return named?.detail === undefined ? port : { ...port, detail: named.detail };
  });
}

const TRIGGER_PORTS: readonly OutputPort[] = [{ id: TRIGGER_HANDLE, label: null, fallback: false }];

/** Where a box without a stored position goes: a grid right of the triggers. */
export function fallbackPosition(index: number): { x: number; y: number } {
  return { x: 360 + (index % 4) * 340, y: Math.floor(index / 4) * 260 };
}

export interface Decorations {
  /** Lint issues per node or trigger id. */
  readonly issues: ReadonlyMap<string, IssueCount>;
  /** The simulated path, if one is shown. */
  readonly simulation: SimulationHighlight | null;
}

export interface SimulationHighlight {
  readonly entered: ReadonlySet<string>;
  readonly current: string | null;
  /** Edge ids the session followed. */
  readonly edges: ReadonlySet<string>;
}

export const NO_DECORATIONS: Decorations = { issues: new Map(), simulation: null };

/**
 * The edges a simulated path took: from each entered node, by the output it left through, to
 * the next node entered; and the trigger edge into the first node.
 */
export function simulationHighlight(document: FlowDocument, path: { steps: readonly { nodeId: string; output?: string }[]; currentNodeId: string | null }): SimulationHighlight {
  const edges = new Set<string>();
  const entered = new Set(path.steps.map((step) => step.nodeId));
  const first = path.steps[0];
  const triggerIds = new Set(document.triggers.map((trigger) => trigger.id));
  for (const edge of document.edges) {
    if (first !== undefined && triggerIds.has(edge.source) && edge.target === first.nodeId) edges.add(edge.id);
  }
  path.steps.forEach((step, index) => {
    const next = path.steps[index + 1];
    if (next === undefined || step.output === undefined) return;
    const edge = document.edges.find((candidate) => candidate.source === step.nodeId && candidate.sourceHandle === step.output && candidate.target === next.nodeId);
    if (edge !== undefined) edges.add(edge.id);
  });
  return { entered, current: path.currentNodeId, edges };
}

interface CachedNode {
  readonly source: FlowNode | Trigger;
  readonly x: number;
  readonly y: number;
  readonly issues: IssueCount | null;
  readonly sim: SimulationMark;
  readonly canvas: CanvasNode;
}

interface CachedEdge {
  readonly source: FlowEdge;
  readonly taken: boolean;
  readonly canvas: CanvasEdge;
}

export interface Projection {
  readonly nodes: readonly CanvasNode[];
  readonly edges: readonly CanvasEdge[];
}

/**
 * A projector keeps the canvas objects of the previous projection and reuses every one whose
 * document element, position and decorations did not change. The reducer shares structure
 * (an edit replaces only what it touches), so after an edit on a 1,000-box flow only the
 * edited box gets a new object, and React Flow's memoized nodes re-render only that one.
 */
export function createProjector(): (document: FlowDocument, decorations?: Decorations) => Projection {
  let nodeCache = new Map<string, CachedNode>();
  let edgeCache = new Map<string, CachedEdge>();
  let lastEdges: readonly CanvasEdge[] = [];

  return (document, decorations = NO_DECORATIONS) => {
    const positions = document.ui.positions;
    const nextNodes = new Map<string, CachedNode>();
    const nodes: CanvasNode[] = [];
    const place = (source: FlowNode | Trigger, fallback: { x: number; y: number }) => {
      const position = positions[source.id] ?? fallback;
      const issues = decorations.issues.get(source.id) ?? null;
      const simulation = decorations.simulation;
      const sim: SimulationMark = simulation === null ? null : simulation.current === source.id ? 'current' : simulation.entered.has(source.id) ? 'entered' : null;
      const cached = nodeCache.get(source.id);
      let canvas: CanvasNode;
      if (cached !== undefined && cached.source === source && cached.x === position.x && cached.y === position.y && sameIssues(cached.issues, issues) && cached.sim === sim) {
        canvas = cached.canvas;
      } else {
        // The same element (moved or decorated) keeps its outputs and estimate.
        const same = cached !== undefined && cached.source === source ? cached.canvas : undefined;
        const outputs = same !== undefined ? same.data.outputs : 'data' in source ? outputPorts(source) : TRIGGER_PORTS;
        const estimate = same === undefined ? estimateBox(source, outputs) : { width: same.initialWidth ?? 0, height: same.initialHeight ?? 0, handles: same.handles ?? [] };
        const box = { id: source.id, position: { x: position.x, y: position.y }, initialWidth: estimate.width, initialHeight: estimate.height, handles: estimate.handles };
        canvas = 'data' in source ? { ...box, type: 'flow', data: { kind: 'node', node: source, outputs, issues, sim } } : { ...box, type: 'trigger', data: { kind: 'trigger', trigger: source, outputs, issues, sim } };
      }
      nextNodes.set(source.id, { source, x: position.x, y: position.y, issues, sim, canvas });
      nodes.push(canvas);
    };
    document.triggers.forEach((trigger, index) => place(trigger, { x: 0, y: index * 200 }));
    document.nodes.forEach((node, index) => place(node, fallbackPosition(index)));

    const taken = decorations.simulation?.edges;
    const nextEdges = new Map<string, CachedEdge>();
    const edges = document.edges.map((edge) => {
      const isTaken = taken?.has(edge.id) ?? false;
      const cached = edgeCache.get(edge.id);
      const canvas: CanvasEdge =
        cached !== undefined && cached.source === edge && cached.taken === isTaken
          ? cached.canvas
          : {
              id: edge.id,
              source: edge.source,
              sourceHandle: edge.sourceHandle,
              target: edge.target,
              data: { taken: isTaken },
              ...(isTaken ? { className: 'is-taken', zIndex: 1 } : {}),
            };
      nextEdges.set(edge.id, { source: edge, taken: isTaken, canvas });
      return canvas;
    });

    nodeCache = nextNodes;
    edgeCache = nextEdges;
    // No connection changed (a move, a text edit): the same array, so React Flow is not handed new
    // edges — it rebuilds its connection lookup from every edge when they change (about 15 ms
    // for the benchmark's 1,000 connections, at the drop of every drag).
    if (edges.length === lastEdges.length && edges.every((edge, index) => edge === lastEdges[index])) return { nodes, edges: lastEdges };
    lastEdges = edges;
    return { nodes, edges };
  };
}

function sameIssues(a: IssueCount | null, b: IssueCount | null): boolean {
  if (a === null || b === null) return a === b;
  return a.errors === b.errors && a.warnings === b.warnings;
}
