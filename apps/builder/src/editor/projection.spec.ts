import { applyOperationWithInverse, NODE_TYPES, nodeOutputs, type FlowDocument, type FlowNode } from '@jornada/flow-engine';
import { createNode, createTrigger, TRIGGER_TYPES } from './node-catalog.js';
import { createProjector, outputPorts, simulationHighlight } from './projection.js';
import { emptyDocument, templateDocument } from './test-documents.js';

const TEXTS = { message: 'Hi', question: 'Email?', survey: 'Score?', handoffReason: 'Help', tag: 'lead', branch: 'VIP', variantA: 'A', variantB: 'B' };

function apply(document: FlowDocument, operation: Parameters<typeof applyOperationWithInverse>[1]): FlowDocument {
  const result = applyOperationWithInverse(document, operation);
  if (!result.ok) throw new Error(result.error.message);
  return result.document;
}

describe('projection', () => {
  it('projects every trigger and node, at their stored positions, and every edge by its handle', () => {
    const document = templateDocument('cart-recovery');
    const { nodes, edges } = createProjector()(document);
    expect(nodes.map((node) => node.id)).toEqual([...document.triggers.map((t) => t.id), ...document.nodes.map((n) => n.id)]);
    for (const node of nodes) {
      const stored = document.ui.positions[node.id];
      if (stored !== undefined) expect(node.position).toEqual(stored);
    }
    expect(nodes.filter((node) => node.type === 'trigger')).toHaveLength(document.triggers.length);
    expect(edges.map((edge) => [edge.source, edge.sourceHandle, edge.target])).toEqual(document.edges.map((edge) => [edge.source, edge.sourceHandle, edge.target]));
  });

  it('gives each node one output handle per engine output, in order, for all 15 types', () => {
    for (const type of NODE_TYPES) {
      const node = createNode(type, TEXTS);
      expect(outputPorts(node).map((port) => port.id)).toEqual(nodeOutputs(node));
    }
  });

  it('names the handles: buttons, list rows, options, branches, variants with weights, survey bands; timeout/invalid/else/other are fallbacks', () => {
    const message: FlowNode = { id: 'm', type: 'message', data: { text: 'Pick', buttons: [{ id: 'yes', title: 'Yes' }, { id: 'no', title: 'No' }], timeout: { amount: 1, unit: 'hours' } } };
    expect(outputPorts(message)).toEqual([
      { id: 'yes', label: 'Yes', fallback: false },
      { id: 'no', label: 'No', fallback: false },
      { id: 'other', label: null, fallback: true },
      { id: 'timeout', label: null, fallback: true },
    ]);
    const list: FlowNode = { id: 'l', type: 'message', data: { text: 'Pick', list: { buttonLabel: 'Menu', sections: [{ rows: [{ id: 'r1', title: 'Row one' }] }] } } };
    expect(outputPorts(list).map((port) => port.label)).toEqual(['Row one', null]);
    const question: FlowNode = { id: 'q', type: 'question', data: { text: 'Size?', kind: 'choice', variable: 'size', maxAttempts: 3, options: [{ id: 's', title: 'Small' }] } };
    expect(outputPorts(question).map((port) => [port.id, port.label, port.fallback])).toEqual([
      ['s', 'Small', false],
      ['invalid', null, true],
    ]);
    const condition: FlowNode = { id: 'c', type: 'condition', data: { branches: [{ id: 'vip', label: 'VIP', when: 'contact.tags contains "vip"' }, { id: 'big', when: 'cart.total > 100' }] } };
    expect(outputPorts(condition)).toEqual([
      { id: 'vip', label: 'VIP', detail: 'contact.tags contains "vip"', fallback: false },
      { id: 'big', label: 'cart.total > 100', fallback: false },
      { id: 'else', label: null, fallback: true },
    ]);
    const split: FlowNode = { id: 'a', type: 'ab_split', data: { variants: [{ id: 'v1', weight: 3 }, { id: 'v2', label: 'Coupon', weight: 1 }] } };
    expect(outputPorts(split).map((port) => [port.label, port.detail])).toEqual([
      ['A', '75%'],
      ['Coupon', '25%'],
    ]);
    const survey: FlowNode = { id: 's', type: 'survey', data: { kind: 'nps', text: 'Score?', maxAttempts: 2 } };
    expect(outputPorts(survey).map((port) => [port.id, port.detail])).toEqual([
      ['detractor', '0–6'],
      ['passive', '7–8'],
      ['promoter', '9–10'],
      ['invalid', undefined],
    ]);
    const waitForEvent: FlowNode = { id: 'w', type: 'wait_for_event', data: { events: ['order.created'], within: { amount: 1, unit: 'days' }, interruptOnReply: true } };
    expect(outputPorts(waitForEvent).map((port) => port.id)).toEqual(['received', 'timeout', 'reply']);
  });

  it('projects triggers as boxes with the one output "next"', () => {
    let document = emptyDocument();
    for (const type of TRIGGER_TYPES) document = apply(document, { type: 'add_trigger', trigger: createTrigger(type), position: { x: 0, y: 0 } });
    const { nodes } = createProjector()(document);
    expect(nodes.map((node) => [node.type, node.data.outputs.map((port) => port.id)])).toEqual(TRIGGER_TYPES.map(() => ['trigger', ['next']]));
  });

  it('keeps the objects of everything an edit did not touch (structural sharing down to React Flow)', () => {
    const project = createProjector();
    const document = templateDocument('cart-recovery');
    const before = project(document);
    const [first, second] = document.nodes;
    if (first === undefined || second === undefined) throw new Error('template too small');
    const moved = apply(document, { type: 'move', positions: { [first.id]: { x: 999, y: 5 } } });
    const after = project(moved);
    const changed = after.nodes.filter((node, index) => node !== before.nodes[index]).map((node) => node.id);
    expect(changed).toEqual([first.id]);
    expect(after.nodes.find((node) => node.id === first.id)?.position).toEqual({ x: 999, y: 5 });
    // Not one connection changed: the same array, so React Flow is not handed new edges.
    expect(after.edges).toBe(before.edges);

    const relabelled = apply(moved, { type: 'update_node', nodeId: second.id, label: 'Renamed' });
    const third = project(relabelled);
    expect(third.nodes.filter((node, index) => node !== after.nodes[index]).map((node) => node.id)).toEqual([second.id]);
    expect(third.edges).toBe(before.edges);

    // A connection removed: a new array, every remaining connection its old object.
    const [gone] = document.edges;
    if (gone === undefined) throw new Error('no edge');
    const fourth = project(apply(relabelled, { type: 'remove_elements', edgeIds: [gone.id] }));
    expect(fourth.edges).not.toBe(before.edges);
    expect(fourth.edges).toEqual(before.edges.filter((edge) => edge.id !== gone.id));
    expect(fourth.edges.every((edge) => before.edges.includes(edge))).toBe(true);
  });

  it('decorates boxes with lint counts and the simulated path without touching the others', () => {
    const project = createProjector();
    const document = templateDocument('cart-recovery');
    const plain = project(document);
    const edge = document.edges.find((candidate) => document.nodes.some((node) => node.id === candidate.source));
    if (edge === undefined) throw new Error('no node edge');
    const path = { steps: [{ nodeId: edge.source, output: edge.sourceHandle }, { nodeId: edge.target }], currentNodeId: edge.target };
    const decorated = project(document, { issues: new Map([[edge.source, { errors: 1, warnings: 2 }]]), simulation: simulationHighlight(document, path) });
    const source = decorated.nodes.find((node) => node.id === edge.source);
    const target = decorated.nodes.find((node) => node.id === edge.target);
    expect(source?.data.issues).toEqual({ errors: 1, warnings: 2 });
    expect(source?.data.sim).toBe('entered');
    expect(target?.data.sim).toBe('current');
    expect(decorated.edges.find((candidate) => candidate.id === edge.id)?.className).toBe('is-taken');
    const untouched = decorated.nodes.filter((node) => node.id !== edge.source && node.id !== edge.target);
    expect(untouched.every((node) => plain.nodes.includes(node))).toBe(true);
  });

  it('places boxes without a stored position on a grid', () => {
    const document = apply(emptyDocument(), { type: 'add_node', node: createNode('end', TEXTS, 'e1'), position: { x: 10, y: 20 } });
    const cleared = apply(document, { type: 'move', positions: {}, clear: ['e1'] });
    expect(createProjector()(cleared).nodes[0]?.position).toEqual({ x: 360, y: 0 });
  });
});
