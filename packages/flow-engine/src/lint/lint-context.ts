import { nodeOutputs, TRIGGER_HANDLE } from '../graph/node-outputs.js';
import type { FlowDocument, FlowEdge, FlowNode, Trigger } from '../schema/flow-document.schema.js';

/** One output the engine can actually take: a valid handle leading to an existing node. */
export interface Link {
  handle: string;
  target: string;
}

/**
 * What every rule needs about a parsed flow, built once. `links` mirrors the engine's view:
 * only the first edge of an output counts (the engine takes that one), only handles the
 * source offers, only targets that are nodes. Broken edges are reported by the structure
 * rule; the graph rules then reason about the flow as it would really run.
 */
export interface LintContext {
  flow: FlowDocument;
  nodes: ReadonlyMap<string, FlowNode>;
  triggers: ReadonlyMap<string, Trigger>;
  /** Valid outputs of each node or trigger, in edge order. */
  links: ReadonlyMap<string, readonly Link[]>;
  /** Node or trigger id -> the handles it offers. */
  outputs: ReadonlyMap<string, ReadonlySet<string>>;
  /** Handles that have at least one edge, valid target or not: `${source}\u0000${handle}`. */
  connected: ReadonlySet<string>;
}

export function connectedKey(source: string, handle: string): string {
  return `${source}\u0000${handle}`;
}

export function buildContext(flow: FlowDocument): LintContext {
  // First wins, as in the engine's index, when ids are duplicated (reported separately).
  const nodes = new Map<string, FlowNode>();
  for (const node of flow.nodes) if (!nodes.has(node.id)) nodes.set(node.id, node);
  const triggers = new Map<string, Trigger>();
  for (const trigger of flow.triggers) if (!triggers.has(trigger.id)) triggers.set(trigger.id, trigger);

  const outputs = new Map<string, ReadonlySet<string>>();
  for (const trigger of triggers.values()) outputs.set(trigger.id, new Set([TRIGGER_HANDLE]));
  for (const node of nodes.values()) if (!outputs.has(node.id)) outputs.set(node.id, new Set(nodeOutputs(node)));

  const links = new Map<string, Link[]>();
  const taken = new Set<string>();
  const connected = new Set<string>();
  for (const edge of flow.edges) {
    const key = connectedKey(edge.source, edge.sourceHandle);
    connected.add(key);
    if (taken.has(key)) continue;
    taken.add(key);
    if (!isLive(edge, outputs, nodes)) continue;
    const list = links.get(edge.source);
    const link = { handle: edge.sourceHandle, target: edge.target };
    if (list) list.push(link);
    else links.set(edge.source, [link]);
  }
  return { flow, nodes, triggers, links, outputs, connected };
}

function isLive(edge: FlowEdge, outputs: ReadonlyMap<string, ReadonlySet<string>>, nodes: ReadonlyMap<string, FlowNode>): boolean {
  return (outputs.get(edge.source)?.has(edge.sourceHandle) ?? false) && nodes.has(edge.target);
}

export function linksOf(ctx: LintContext, id: string): readonly Link[] {
  return ctx.links.get(id) ?? [];
}
