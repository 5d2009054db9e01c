// A large, realistic flow for the builder benchmark (tools/bench, 1,000 boxes) and the big-flow
// browser test (300): a decision tree of `size` boxes (reply buttons and conditions inside, ends
// and hand-offs at the leaves), every box reachable from one trigger (an abandoned cart), laid out
// on a grid the way a big bot sprawls on a canvas.
import type { FlowDocumentInput } from '@jornada/flow-engine';

const COLUMNS = 32;
const SPACING = { x: 320, y: 200 };

type Node = FlowDocumentInput['nodes'][number];
type Edge = FlowDocumentInput['edges'][number];

export function bigFlow(size: number): FlowDocumentInput {
  const nodes: Node[] = [];
  const edges: Edge[] = [];
  const positions: Record<string, { x: number; y: number }> = { start: { x: -SPACING.x, y: 0 } };
  // Breadth-first: box i's children are 3i+1..3i+3, so the first third are inner boxes.
  for (let i = 0; i < size; i += 1) {
    const id = `n${String(i)}`;
    const children = [1, 2, 3].map((k) => 3 * i + k).filter((c) => c < size);
    positions[id] = { x: (i % COLUMNS) * SPACING.x, y: Math.floor(i / COLUMNS) * SPACING.y };
    if (children.length === 0) {
      nodes.push(
        i % 5 === 0
          ? { id, type: 'handoff', data: { team: 'support', priority: 'normal', reason: `Customer reached leaf ${String(i)}` } }
          : { id, type: 'end', data: { reason: `leaf ${String(i)}` } },
      );
      continue;
    }
    if (i % 2 === 0) {
      const buttons = children.map((c, k) => ({ id: `b${String(k)}`, title: `Option ${String(c)}` }));
      nodes.push({ id, type: 'message', label: `Question ${String(i)}`, data: { text: `Hi {{contact.first_name}}, step ${String(i)}: what would you like?`, buttons } });
      children.forEach((c, k) => edges.push({ id: `e${String(i)}_${String(k)}`, source: id, sourceHandle: `b${String(k)}`, target: `n${String(c)}` }));
    } else {
      const branches = children.slice(0, -1).map((c, k) => ({ id: `c${String(k)}`, label: `Total over ${String(c)}`, when: `cart.total > ${String(c)}` }));
      nodes.push({ id, type: 'condition', label: `Check ${String(i)}`, data: { branches: branches.length > 0 ? branches : [{ id: 'c0', when: 'true' }] } });
      children.forEach((c, k) =>
        edges.push({ id: `e${String(i)}_${String(k)}`, source: id, sourceHandle: k < children.length - 1 || children.length === 1 ? `c${String(k)}` : 'else', target: `n${String(c)}` }),
      );
    }
  }
  edges.push({ id: 'e_start', source: 'start', sourceHandle: 'next', target: 'n0' });
  return {
    schemaVersion: 1,
    name: `Big flow (${String(size)} boxes)`,
    triggers: [{ id: 'start', type: 'commerce_event', event: 'cart.abandoned' }],
    nodes,
    edges,
    variables: [],
    settings: { channels: ['whatsapp'], stepBudget: 200 },
    ui: { positions, viewport: { x: 0, y: 0, zoom: 1 } },
  };
}
