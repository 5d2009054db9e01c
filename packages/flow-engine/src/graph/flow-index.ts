import type { FlowDocument, FlowEdge, FlowNode, Trigger } from '../schema/flow-document.schema.js';

/** Lookups over a flow built once per document; the interpreter and linter share it. */
export interface FlowIndex {
  nodes: ReadonlyMap<string, FlowNode>;
  triggers: ReadonlyMap<string, Trigger>;
  /** `${source}\u0000${handle}` -> edge */
  edgeByOutput: ReadonlyMap<string, FlowEdge>;
  outgoing: ReadonlyMap<string, FlowEdge[]>;
}

const cache = new WeakMap<FlowDocument, FlowIndex>();

export function outputKey(source: string, handle: string): string {
  return `${source}\u0000${handle}`;
}

/** Indexes a flow document; memoised per document object (documents are treated as immutable). */
export function indexFlow(flow: FlowDocument): FlowIndex {
  const cached = cache.get(flow);
  if (cached) return cached;
  const nodes = new Map(flow.nodes.map((n) => [n.id, n] as const));
  const triggers = new Map(flow.triggers.map((t) => [t.id, t] as const));
  const edgeByOutput = new Map<string, FlowEdge>();
  const outgoing = new Map<string, FlowEdge[]>();
  for (const edge of flow.edges) {
    const key = outputKey(edge.source, edge.sourceHandle);
    if (!edgeByOutput.has(key)) edgeByOutput.set(key, edge);
    const list = outgoing.get(edge.source);
    if (list) list.push(edge);
    else outgoing.set(edge.source, [edge]);
  }
  const index: FlowIndex = { nodes, triggers, edgeByOutput, outgoing };
  cache.set(flow, index);
  return index;
}

/** The node an output leads to, or undefined when the output is not connected. */
export function targetOf(index: FlowIndex, source: string, handle: string): string | undefined {
  return index.edgeByOutput.get(outputKey(source, handle))?.target;
}
