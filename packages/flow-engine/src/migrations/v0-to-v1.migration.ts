import type { FlowMigration, JsonObject } from './migration.js';

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Version 0 is the draft format of early exports (and close to what React Flow itself
 * saves): one `trigger` object, each node carrying its own `position`, edges without a
 * `sourceHandle` when they leave a single-output node, and no settings. Version 1 keeps
 * layout apart from semantics (`ui.positions`), allows several triggers and names every handle.
 */
export const v0ToV1: FlowMigration = {
  from: 0,
  description: 'triggers[] instead of trigger, node positions moved to ui.positions, every edge names its handle',
  migrate(doc) {
    const { trigger, nodes, edges, version: _version, viewport, ...rest } = doc;
    const positions: Record<string, unknown> = {};
    const migratedNodes = Array.isArray(nodes)
      ? nodes.map((node: unknown) => {
          if (!isObject(node)) return node;
          const { position, ...semantic } = node;
          if (typeof semantic['id'] === 'string' && isObject(position)) positions[semantic['id']] = position;
          return semantic;
        })
      : nodes;
    const migratedEdges = Array.isArray(edges)
      ? edges.map((edge: unknown) =>
          isObject(edge) && (edge['sourceHandle'] === undefined || edge['sourceHandle'] === null) ? { ...edge, sourceHandle: 'next' } : edge,
        )
      : edges;
    return {
      ...rest,
      schemaVersion: 1,
      triggers: trigger === undefined ? [] : [trigger],
      nodes: migratedNodes,
      edges: migratedEdges,
      ui: { positions, viewport: isObject(viewport) ? viewport : { x: 0, y: 0, zoom: 1 } },
    };
  },
};
