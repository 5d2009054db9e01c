import { Graph, layout } from '@dagrejs/dagre';
import { nodeOutputs, TRIGGER_HANDLE, type CanvasPoint, type FlowDocument } from '@jornada/flow-engine';

export interface BoxSize {
  readonly width: number;
  readonly height: number;
}

const DEFAULT_SIZE: BoxSize = { width: 272, height: 140 };

/**
 * Tidy positions for every box (dagre, left to right, as the handles face): triggers in the
 * first column, each path after the box it leaves. Edges are ordered by their output's place
 * on the box, so a "yes" button's path lands above the "no" button's.
 */
export function layoutPositions(document: FlowDocument, sizes: ReadonlyMap<string, BoxSize>): Record<string, CanvasPoint> {
  const graph = new Graph({ multigraph: true });
  graph.setGraph({ rankdir: 'LR', nodesep: 48, ranksep: 110, marginx: 0, marginy: 0 });
  graph.setDefaultEdgeLabel(() => ({}));
  const outputIndex = new Map<string, number>();
  for (const trigger of document.triggers) {
    graph.setNode(trigger.id, { ...(sizes.get(trigger.id) ?? DEFAULT_SIZE) });
    outputIndex.set(`${trigger.id}\u0000${TRIGGER_HANDLE}`, 0);
  }
  for (const node of document.nodes) {
    graph.setNode(node.id, { ...(sizes.get(node.id) ?? DEFAULT_SIZE) });
    nodeOutputs(node).forEach((handle, index) => outputIndex.set(`${node.id}\u0000${handle}`, index));
  }
  const edges = [...document.edges].sort(
    (a, b) => (outputIndex.get(`${a.source}\u0000${a.sourceHandle}`) ?? 0) - (outputIndex.get(`${b.source}\u0000${b.sourceHandle}`) ?? 0),
  );
  for (const edge of edges) {
    if (graph.hasNode(edge.source) && graph.hasNode(edge.target) && edge.source !== edge.target) graph.setEdge(edge.source, edge.target, {}, edge.id);
  }
  layout(graph);
  const positions: Record<string, CanvasPoint> = {};
  for (const id of graph.nodes()) {
    const box = graph.node(id) as { x: number; y: number; width: number; height: number } | undefined;
    if (box === undefined) continue;
    // dagre places centres; the canvas places top-left corners.
    positions[id] = { x: Math.round(box.x - box.width / 2), y: Math.round(box.y - box.height / 2) };
  }
  return positions;
}
