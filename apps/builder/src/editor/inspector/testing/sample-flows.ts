// Test support: flow documents with one node or trigger of each kind.
import type { FlowDocument, FlowNode, Trigger } from '@jornada/flow-engine';

export function flowWith({ nodes = [], triggers = [], variables = [] }: { nodes?: FlowNode[]; triggers?: Trigger[]; variables?: FlowDocument['variables'] }): FlowDocument {
  return {
    schemaVersion: 1,
    name: 'Cart recovery',
    triggers: triggers.length > 0 ? triggers : [{ id: 't1', type: 'commerce_event', event: 'cart.abandoned' }],
    nodes,
    edges: [],
    variables,
    settings: { channels: ['whatsapp'], stepBudget: 200 },
    ui: { positions: {}, viewport: { x: 0, y: 0, zoom: 1 } },
  };
}
