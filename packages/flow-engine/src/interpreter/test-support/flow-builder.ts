// Test helper (not part of the engine): builds small, schema-valid flow documents.
// Kept free of Jest and fast-check so it also type-checks and lints as engine source.
import { parseFlow } from '../../schema/parse-flow.js';
import type { FlowDocument, FlowDocumentInput } from '../../schema/flow-document.schema.js';

export type NodeInput = FlowDocumentInput['nodes'][number];
export type TriggerInput = FlowDocumentInput['triggers'][number];
/** `[source, handle, target]` */
export type EdgeTriple = readonly [string, string, string];

export interface FlowSpec {
  nodes: NodeInput[];
  edges?: readonly EdgeTriple[];
  /** Default: one manual trigger "start" connected to the first node. */
  triggers?: TriggerInput[];
  variables?: FlowDocumentInput['variables'];
  settings?: FlowDocumentInput['settings'];
}

/** Id of the default manual trigger. */
export const START = 'start';

/**
 * A parsed flow (defaults applied). Unless an edge already leaves a trigger, the first trigger
 * is connected to the first node. Throws with the schema errors when the spec is invalid.
 */
export function buildFlow(spec: FlowSpec): FlowDocument {
  const triggers: TriggerInput[] = spec.triggers ?? [{ id: START, type: 'manual' }];
  const triples: EdgeTriple[] = [...(spec.edges ?? [])];
  const firstTrigger = triggers[0];
  const firstNode = spec.nodes[0];
  const triggerIds = new Set(triggers.map((t) => t.id));
  if (firstTrigger && firstNode && !triples.some(([source]) => triggerIds.has(source))) {
    triples.unshift([firstTrigger.id, 'next', firstNode.id]);
  }
  const input: FlowDocumentInput = {
    schemaVersion: 1,
    name: 'test flow',
    triggers,
    nodes: spec.nodes,
    edges: triples.map(([source, sourceHandle, target], i) => ({ id: `e${i}`, source, sourceHandle, target })),
    ...(spec.variables ? { variables: spec.variables } : {}),
    ...(spec.settings ? { settings: spec.settings } : {}),
  };
  const parsed = parseFlow(input);
  if (!parsed.ok) throw new Error(`invalid test flow: ${JSON.stringify(parsed.errors)}`);
  return parsed.flow;
}

/** `next` edges through the given node ids, in order. */
export function chain(...ids: string[]): EdgeTriple[] {
  const out: EdgeTriple[] = [];
  for (let i = 0; i + 1 < ids.length; i += 1) out.push([ids[i] ?? '', 'next', ids[i + 1] ?? '']);
  return out;
}

// Short constructors for the most used nodes.
export const textMessage = (id: string, text: string): NodeInput => ({ id, type: 'message', data: { text } });
export const endNode = (id = 'end'): NodeInput => ({ id, type: 'end', data: {} });
export const setVars = (id: string, assignments: Record<string, string>): NodeInput => ({
  id,
  type: 'set_variable',
  data: { assignments: Object.entries(assignments).map(([variable, value]) => ({ variable, value })) },
});
