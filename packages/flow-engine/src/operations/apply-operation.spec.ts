import { parseFlow } from '../schema/parse-flow.js';
import type { FlowDocument, FlowNode } from '../schema/flow-document.schema.js';
import { frozen, smallFlow } from './__fixtures__/documents.js';
import {
  applyOperation,
  applyOperations,
  applyOperationWithInverse,
  FLOW_LIMITS,
  invertOperation,
  MAX_BATCH_DEPTH,
  type ApplyResult,
} from './apply-operation.js';
import type { FlowOperation } from './flow-operation.js';
import type { OperationError } from './operation-error.js';

/** Applies, expects success, and checks the inverse gives back the input. */
function applied(doc: FlowDocument, op: FlowOperation): FlowDocument {
  const result = applyOperationWithInverse(doc, op);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.error)}`);
  const parsed = parseFlow(result.document);
  expect(parsed.ok && parsed.flow).toEqual(result.document);
  const undone = applyOperation(result.document, result.inverse);
  expect(undone.ok && undone.document).toEqual(doc);
  return result.document;
}

function refused(doc: FlowDocument, op: FlowOperation): OperationError {
  const result: ApplyResult = applyOperation(doc, op);
  if (result.ok) throw new Error('expected a refusal');
  expect(invertOperation(doc, op)).toEqual({ type: 'batch', operations: [] });
  return result.error;
}

const node = (doc: FlowDocument, id: string): FlowNode | undefined => doc.nodes.find((n) => n.id === id);
const endNode = (id: string): FlowNode => ({ id, type: 'end', data: {} });

describe('applyOperation', () => {
  describe('add_node', () => {
    it('adds the node at its position and leaves the others as they were (same objects)', () => {
      const doc = smallFlow();
      const next = applied(doc, { type: 'add_node', node: { id: 'n9', type: 'message', data: { text: 'Hi' } }, position: { x: 5, y: 6 } });
      expect(node(next, 'n9')).toEqual({ id: 'n9', type: 'message', data: { text: 'Hi' } });
      expect(next.ui.positions['n9']).toEqual({ x: 5, y: 6 });
      expect(next.nodes.slice(0, 3).every((n, i) => n === doc.nodes[i])).toBe(true);
      expect(next.edges).toBe(doc.edges);
      expect(next.triggers).toBe(doc.triggers);
    });

    it('fills in the defaults of the schema, as a save would', () => {
      const next = applied(smallFlow(), {
        type: 'add_node',
        node: { id: 'q', type: 'question', data: { text: 'Name?', kind: 'text', variable: 'name' } } as FlowNode,
        position: { x: 0, y: 0 },
      });
      expect(node(next, 'q')).toMatchObject({ data: { maxAttempts: 3 } });
    });

    it('refuses an id already used by a node or a trigger', () => {
      for (const id of ['bye', 't1']) {
        expect(refused(smallFlow(), { type: 'add_node', node: endNode(id), position: { x: 0, y: 0 } })).toMatchObject({
          code: 'duplicate_id',
          path: 'node.id',
          elementId: id,
        });
      }
    });

    it('refuses data the schema refuses, naming the field', () => {
      const error = refused(smallFlow(), {
        type: 'add_node',
        node: { id: 'm', type: 'message', data: { text: 'Pick', buttons: [{ id: 'a', title: '' }] } },
        position: { x: 0, y: 0 },
      });
      expect(error).toMatchObject({ code: 'invalid_node', path: 'node.data.buttons.0.title', elementId: 'm' });
      expect(error.message).toMatch(/^The message node "m" is not valid: data\.buttons\.0\.title: /);
    });

    it('refuses an unknown node type and a bad id', () => {
      expect(refused(smallFlow(), { type: 'add_node', node: { id: 'x', type: 'teleport', data: {} } as unknown as FlowNode, position: { x: 0, y: 0 } })).toMatchObject({
        code: 'invalid_node',
        path: 'node.type',
      });
      expect(refused(smallFlow(), { type: 'add_node', node: endNode('has space'), position: { x: 0, y: 0 } })).toMatchObject({
        code: 'invalid_node',
        path: 'node.id',
      });
    });

    it('refuses two outputs with one name (a button called "other")', () => {
      const error = refused(smallFlow(), {
        type: 'add_node',
        node: { id: 'm', type: 'message', data: { text: 'Pick', buttons: [{ id: 'other', title: 'Other' }] } },
        position: { x: 0, y: 0 },
      });
      expect(error).toMatchObject({ code: 'duplicate_handle', path: 'node.data', elementId: 'm' });
    });

    it('refuses a position that is not a finite point', () => {
      expect(refused(smallFlow(), { type: 'add_node', node: endNode('z'), position: { x: Number.NaN, y: 0 } })).toMatchObject({
        code: 'invalid_position',
        path: 'position',
      });
    });

    it('refuses a node past the size limit', () => {
      const base = smallFlow();
      const full = { ...base, nodes: Array.from({ length: FLOW_LIMITS.nodes }, (_, i) => endNode(`n${String(i)}`)), edges: [] };
      expect(refused(full, { type: 'add_node', node: endNode('one_more'), position: { x: 0, y: 0 } }).code).toBe('limit_exceeded');
    });
  });

  describe('update_node', () => {
    it('changes the label and keeps every other node and edge list as they were', () => {
      const doc = smallFlow();
      const next = applied(doc, { type: 'update_node', nodeId: 'ask', label: 'Email' });
      expect(node(next, 'ask')?.label).toBe('Email');
      expect(node(next, 'greeting')).toBe(node(doc, 'greeting'));
      expect(next.edges).toBe(doc.edges);
      expect(next.ui).toBe(doc.ui);
    });

    it('removes the label with null, and undo puts it back', () => {
      const next = applied(smallFlow(), { type: 'update_node', nodeId: 'greeting', label: null });
      expect(node(next, 'greeting')).not.toHaveProperty('label');
    });

    it('replaces the data', () => {
      const next = applied(smallFlow(), { type: 'update_node', nodeId: 'ask', data: { text: 'Phone?', kind: 'phone', variable: 'phone', maxAttempts: 2 } });
      expect(node(next, 'ask')?.data).toEqual({ text: 'Phone?', kind: 'phone', variable: 'phone', maxAttempts: 2 });
    });

    it('removes the edges of a removed button, and undo restores them in place', () => {
      const doc = smallFlow();
      const op: FlowOperation = { type: 'update_node', nodeId: 'greeting', data: { text: 'Hello!', buttons: [{ id: 'yes', title: 'Yes' }] } };
      const next = applied(doc, op);
      expect(next.edges.map((e) => e.id)).toEqual(['e1', 'e2', 'e4']);
      expect(invertOperation(doc, op)).toEqual({
        type: 'batch',
        operations: [
          { type: 'update_node', nodeId: 'greeting', data: doc.nodes[0]?.data },
          { type: 'add_elements', edges: [doc.edges[2]], indexes: { edges: [2] } },
        ],
      });
    });

    it('refuses an unknown node', () => {
      expect(refused(smallFlow(), { type: 'update_node', nodeId: 'nope', label: 'x' })).toMatchObject({ code: 'unknown_node', path: 'nodeId' });
      expect(refused(smallFlow(), { type: 'update_node', nodeId: 't1', label: 'x' }).code).toBe('unknown_node');
    });

    it('refuses data of another node type, saying which', () => {
      const error = refused(smallFlow(), { type: 'update_node', nodeId: 'ask', data: { text: 'Hi there' } });
      expect(error).toMatchObject({ code: 'wrong_node_type', path: 'data', elementId: 'ask' });
      expect(error.message).toBe('Question node "ask" is a question node; these settings are for a message node.');
    });

    it('refuses invalid data and a label too long, naming the field', () => {
      expect(refused(smallFlow(), { type: 'update_node', nodeId: 'ask', data: { text: 'Q', kind: 'email', variable: 'contact', maxAttempts: 3 } })).toMatchObject({
        code: 'invalid_node',
        path: 'data.variable',
      });
      expect(refused(smallFlow(), { type: 'update_node', nodeId: 'ask', label: 'x'.repeat(121) })).toMatchObject({ code: 'invalid_node', path: 'label' });
    });
  });

  describe('triggers', () => {
    it('adds a trigger at its position', () => {
      const next = applied(smallFlow(), { type: 'add_trigger', trigger: { id: 't3', type: 'commerce_event', event: 'order.paid' }, position: { x: 1, y: 2 } });
      expect(next.triggers.map((t) => t.id)).toEqual(['t1', 't2', 't3']);
      expect(next.ui.positions['t3']).toEqual({ x: 1, y: 2 });
    });

    it('refuses a duplicate id, an invalid trigger and more than the limit', () => {
      expect(refused(smallFlow(), { type: 'add_trigger', trigger: { id: 'bye', type: 'manual' }, position: { x: 0, y: 0 } }).code).toBe('duplicate_id');
      expect(
        refused(smallFlow(), { type: 'add_trigger', trigger: { id: 't3', type: 'inbound_message', match: { kind: 'keyword', keywords: [] } }, position: { x: 0, y: 0 } }),
      ).toMatchObject({ code: 'invalid_trigger', path: 'trigger.match.keywords' });
      const base = smallFlow();
      const full = { ...base, triggers: Array.from({ length: FLOW_LIMITS.triggers }, (_, i) => ({ id: `m${String(i)}`, type: 'manual' as const })), edges: [] };
      expect(refused(full, { type: 'add_trigger', trigger: { id: 'one_more', type: 'manual' }, position: { x: 0, y: 0 } }).code).toBe('limit_exceeded');
    });

    it('replaces a trigger, even with another type, keeping its edges', () => {
      const doc = smallFlow();
      const next = applied(doc, { type: 'update_trigger', trigger: { id: 't1', type: 'commerce_event', event: 'cart.abandoned', filter: 'cart.total > 50' } });
      expect(next.triggers[0]).toEqual({ id: 't1', type: 'commerce_event', event: 'cart.abandoned', filter: 'cart.total > 50' });
      expect(next.edges).toBe(doc.edges);
    });

    it('refuses to update an unknown trigger or with an invalid one', () => {
      expect(refused(smallFlow(), { type: 'update_trigger', trigger: { id: 'greeting', type: 'manual' } })).toMatchObject({ code: 'unknown_trigger', path: 'trigger.id' });
      expect(refused(smallFlow(), { type: 'update_trigger', trigger: { id: 't1', type: 'commerce_event', event: 'order.lost' } as never })).toMatchObject({
        code: 'invalid_trigger',
        path: 'trigger.event',
      });
    });
  });

  describe('connect', () => {
    const doc = (): FlowDocument => applied(smallFlow(), { type: 'remove_elements', edgeIds: ['e3'] });

    it('connects a free output of a node and of a trigger', () => {
      const next = applied(doc(), { type: 'connect', edge: { id: 'e9', source: 'greeting', sourceHandle: 'other', target: 'bye' } });
      expect(next.edges.at(-1)).toEqual({ id: 'e9', source: 'greeting', sourceHandle: 'other', target: 'bye' });
      applied(doc(), { type: 'connect', edge: { id: 'e9', source: 't2', sourceHandle: 'next', target: 'ask' } });
    });

    it.each<[string, { source: string; sourceHandle: string; target: string }, string, string]>([
      ['a handle the node does not offer', { source: 'greeting', sourceHandle: 'maybe', target: 'bye' }, 'unknown_handle', 'edge.sourceHandle'],
      ['a handle a trigger does not offer', { source: 't2', sourceHandle: 'yes', target: 'bye' }, 'unknown_handle', 'edge.sourceHandle'],
      ['an output already connected', { source: 'greeting', sourceHandle: 'yes', target: 'bye' }, 'output_taken', 'edge.sourceHandle'],
      ['an edge into a trigger', { source: 'greeting', sourceHandle: 'no', target: 't2' }, 'edge_into_trigger', 'edge.target'],
      ['a self loop', { source: 'greeting', sourceHandle: 'no', target: 'greeting' }, 'self_loop', 'edge.target'],
      ['a missing target', { source: 'greeting', sourceHandle: 'no', target: 'ghost' }, 'unknown_target', 'edge.target'],
      ['a missing source', { source: 'ghost', sourceHandle: 'next', target: 'bye' }, 'unknown_source', 'edge.source'],
      ['an end node, which has no outputs', { source: 'bye', sourceHandle: 'next', target: 'ask' }, 'unknown_handle', 'edge.sourceHandle'],
    ])('refuses %s', (_, edge, code, path) => {
      expect(refused(doc(), { type: 'connect', edge: { id: 'e9', ...edge } })).toMatchObject({ code, path });
    });

    it('names the outputs there are when the handle is wrong', () => {
      expect(refused(doc(), { type: 'connect', edge: { id: 'e9', source: 'greeting', sourceHandle: 'maybe', target: 'bye' } }).message).toBe(
        'The "Greeting" message has no output "maybe" (its outputs are "yes", "no", "other").',
      );
    });

    it('refuses an edge id already used, and an invalid edge', () => {
      expect(refused(doc(), { type: 'connect', edge: { id: 'e1', source: 'greeting', sourceHandle: 'no', target: 'bye' } })).toMatchObject({
        code: 'duplicate_id',
        path: 'edge.id',
      });
      expect(refused(doc(), { type: 'connect', edge: { id: 'e 9', source: 'greeting', sourceHandle: 'no', target: 'bye' } })).toMatchObject({
        code: 'invalid_edge',
        path: 'edge.id',
      });
    });
  });

  describe('add_elements', () => {
    it('pastes nodes with their edges and positions, edges may point at existing nodes', () => {
      const next = applied(smallFlow(), {
        type: 'add_elements',
        nodes: [
          { id: 'p1', type: 'tag', data: { add: ['vip'], remove: [] } },
          { id: 'p2', type: 'end', data: {} },
        ],
        edges: [
          { id: 'pe1', source: 'p1', sourceHandle: 'next', target: 'p2' },
          { id: 'pe2', source: 'greeting', sourceHandle: 'other', target: 'p1' },
        ],
        positions: { p1: { x: 10, y: 10 }, p2: { x: 10, y: 200 } },
      });
      expect(next.nodes.map((n) => n.id)).toEqual(['greeting', 'ask', 'bye', 'p1', 'p2']);
      expect(next.edges.map((e) => e.id)).toEqual(['e1', 'e2', 'e3', 'e4', 'pe1', 'pe2']);
    });

    it('puts elements at the given indexes', () => {
      const next = applied(smallFlow(), { type: 'add_elements', nodes: [endNode('a'), endNode('b')], indexes: { nodes: [0, 2] } });
      expect(next.nodes.map((n) => n.id)).toEqual(['a', 'greeting', 'b', 'ask', 'bye']);
    });

    it('refuses an id repeated inside the operation, an invalid element and a position for something else', () => {
      expect(refused(smallFlow(), { type: 'add_elements', nodes: [endNode('a'), endNode('a')] })).toMatchObject({ code: 'duplicate_id', path: 'nodes.1.id' });
      expect(refused(smallFlow(), { type: 'add_elements', triggers: [{ id: 'a', type: 'manual' }], nodes: [endNode('a')] }).code).toBe('duplicate_id');
      expect(
        refused(smallFlow(), {
          type: 'add_elements',
          nodes: [endNode('a')],
          edges: [
            { id: 'x1', source: 'greeting', sourceHandle: 'other', target: 'a' },
            { id: 'x2', source: 'greeting', sourceHandle: 'other', target: 'bye' },
          ],
        }),
      ).toMatchObject({ code: 'output_taken', path: 'edges.1.sourceHandle' });
      expect(refused(smallFlow(), { type: 'add_elements', nodes: [endNode('a')], positions: { bye: { x: 0, y: 0 } } })).toMatchObject({
        code: 'unknown_element',
        path: 'positions.bye',
      });
      expect(refused(smallFlow(), { type: 'add_elements', nodes: [endNode('a')], indexes: { nodes: [0, 1] } })).toMatchObject({
        code: 'malformed_operation',
        path: 'indexes.nodes',
      });
    });
  });

  describe('remove_elements', () => {
    it('removes a node with its edges and position; undo puts all back in place', () => {
      const doc = smallFlow();
      const op: FlowOperation = { type: 'remove_elements', nodeIds: ['ask'] };
      const next = applied(doc, op);
      expect(next.nodes.map((n) => n.id)).toEqual(['greeting', 'bye']);
      expect(next.edges.map((e) => e.id)).toEqual(['e1', 'e3']);
      expect(next.ui.positions).not.toHaveProperty('ask');
      expect(invertOperation(doc, op)).toEqual({
        type: 'add_elements',
        nodes: [doc.nodes[1]],
        edges: [doc.edges[1], doc.edges[3]],
        positions: { ask: { x: 0, y: 360 } },
        indexes: { nodes: [1], edges: [1, 3] },
      });
    });

    it('removes triggers and edges, keeping the untouched lists', () => {
      const doc = smallFlow();
      const next = applied(doc, { type: 'remove_elements', triggerIds: ['t1'], edgeIds: ['e4'] });
      expect(next.triggers.map((t) => t.id)).toEqual(['t2']);
      expect(next.edges.map((e) => e.id)).toEqual(['e2', 'e3']);
      expect(next.nodes).toBe(doc.nodes);
    });

    it('refuses ids that are not there', () => {
      expect(refused(smallFlow(), { type: 'remove_elements', nodeIds: ['t1'] })).toMatchObject({ code: 'unknown_node', path: 'nodeIds.0' });
      expect(refused(smallFlow(), { type: 'remove_elements', triggerIds: ['t1', 'bye'] })).toMatchObject({ code: 'unknown_trigger', path: 'triggerIds.1' });
      expect(refused(smallFlow(), { type: 'remove_elements', edgeIds: ['e7'] })).toMatchObject({ code: 'unknown_edge', path: 'edgeIds.0' });
    });
  });

  describe('move', () => {
    it('moves nodes and triggers; undo puts them back, and forgets a first position', () => {
      const doc = smallFlow();
      const op: FlowOperation = { type: 'move', positions: { greeting: { x: 50, y: 60 }, t2: { x: -5, y: 0 } } };
      const next = applied(doc, op);
      expect(next.ui.positions['greeting']).toEqual({ x: 50, y: 60 });
      expect(next.nodes).toBe(doc.nodes);
      expect(invertOperation(doc, op)).toEqual({ type: 'move', positions: { greeting: { x: 0, y: 180 } }, clear: ['t2'] });
    });

    it('clears positions', () => {
      const next = applied(smallFlow(), { type: 'move', positions: {}, clear: ['bye'] });
      expect(next.ui.positions).not.toHaveProperty('bye');
    });

    it('refuses a position for something that is not there, or not a point', () => {
      expect(refused(smallFlow(), { type: 'move', positions: { e1: { x: 0, y: 0 } } })).toMatchObject({ code: 'unknown_element', path: 'positions.e1' });
      expect(refused(smallFlow(), { type: 'move', positions: { bye: { x: 0 } as never } })).toMatchObject({ code: 'invalid_position', path: 'positions.bye' });
      expect(refused(smallFlow(), { type: 'move', positions: {}, clear: ['zz'] })).toMatchObject({ code: 'unknown_element', path: 'clear.0' });
    });

    it('treats "__proto__" as an id like any other, never as the prototype', () => {
      // (parseFlow's record drops that key, so this is checked on the reducer alone.)
      const added = applyOperation(smallFlow(), { type: 'add_node', node: endNode('__proto__'), position: { x: 1, y: 1 } });
      if (!added.ok) throw new Error('refused');
      expect(Object.hasOwn(added.document.ui.positions, '__proto__')).toBe(true);
      const positions = JSON.parse('{"__proto__":{"x":2,"y":3}}') as Record<string, { x: number; y: number }>;
      const moved = applyOperationWithInverse(added.document, { type: 'move', positions });
      if (!moved.ok) throw new Error('refused');
      expect(Object.getOwnPropertyDescriptor(moved.document.ui.positions, '__proto__')?.value).toEqual({ x: 2, y: 3 });
      expect(Object.getPrototypeOf(moved.document.ui.positions)).toBe(Object.prototype);
      expect(moved.inverse).toEqual({ type: 'move', positions: JSON.parse('{"__proto__":{"x":1,"y":1}}') as unknown });
    });
  });

  describe('set_variables', () => {
    it('replaces the declarations', () => {
      const next = applied(smallFlow(), { type: 'set_variables', variables: [{ name: 'coupon', type: 'text', default: 'OFF10' }] });
      expect(next.variables).toEqual([{ name: 'coupon', type: 'text', default: 'OFF10' }]);
    });

    it('refuses a duplicate or reserved name', () => {
      expect(
        refused(smallFlow(), {
          type: 'set_variables',
          variables: [
            { name: 'a', type: 'text' },
            { name: 'a', type: 'number' },
          ],
        }),
      ).toMatchObject({ code: 'duplicate_variable', path: 'variables.1.name' });
      expect(refused(smallFlow(), { type: 'set_variables', variables: [{ name: 'contact', type: 'text' }] })).toMatchObject({
        code: 'invalid_variables',
        path: 'variables.0.name',
      });
    });
  });

  describe('update_flow', () => {
    it('renames (trimmed), removes the description and merges settings', () => {
      const next = applied(smallFlow(), { type: 'update_flow', name: '  Hi  ', description: null, settings: { stepBudget: 50 } });
      expect(next.name).toBe('Hi');
      expect(next).not.toHaveProperty('description');
      expect(next.settings).toEqual({ channels: ['whatsapp'], stepBudget: 50 });
      expect(invertOperation(smallFlow(), { type: 'update_flow', settings: { stepBudget: 50 } })).toEqual({ type: 'update_flow', settings: { stepBudget: 200 } });
    });

    it('refuses a blank name and invalid settings', () => {
      expect(refused(smallFlow(), { type: 'update_flow', name: '  ' })).toMatchObject({ code: 'invalid_flow', path: 'name' });
      expect(refused(smallFlow(), { type: 'update_flow', settings: { stepBudget: 1 } })).toMatchObject({ code: 'invalid_flow', path: 'settings.stepBudget' });
      expect(refused(smallFlow(), { type: 'update_flow', settings: { channels: [] } })).toMatchObject({ code: 'invalid_flow', path: 'settings.channels' });
    });
  });

  describe('batch', () => {
    it('applies all, and undo takes back every step in reverse', () => {
      const doc = smallFlow();
      const op: FlowOperation = {
        type: 'batch',
        operations: [
          { type: 'add_node', node: endNode('n1'), position: { x: 0, y: 0 } },
          { type: 'connect', edge: { id: 'x', source: 'greeting', sourceHandle: 'other', target: 'n1' } },
          { type: 'update_node', nodeId: 'n1', label: 'Done' },
        ],
      };
      const next = applied(doc, op);
      expect(node(next, 'n1')?.label).toBe('Done');
      const inverse = invertOperation(doc, op);
      expect(inverse.type === 'batch' && inverse.operations.map((o) => o.type)).toEqual(['update_node', 'remove_elements', 'remove_elements']);
    });

    it('applies none when one is refused, naming where inside the batch', () => {
      const error = refused(smallFlow(), {
        type: 'batch',
        operations: [
          { type: 'add_node', node: endNode('n1'), position: { x: 0, y: 0 } },
          { type: 'batch', operations: [{ type: 'connect', edge: { id: 'x', source: 'n1', sourceHandle: 'next', target: 'bye' } }] },
        ],
      });
      expect(error).toMatchObject({ code: 'unknown_handle', path: 'operations.1.operations.0.edge.sourceHandle' });
    });

    it('refuses batches nested too deep', () => {
      let op: FlowOperation = { type: 'batch', operations: [] };
      for (let i = 0; i < MAX_BATCH_DEPTH; i++) op = { type: 'batch', operations: [op] };
      expect(refused(smallFlow(), op).code).toBe('batch_too_deep');
    });
  });

  it('refuses an operation it does not know', () => {
    expect(refused(smallFlow(), { type: 'teleport' } as unknown as FlowOperation)).toMatchObject({ code: 'malformed_operation', path: 'type' });
  });
});

describe('applyOperations', () => {
  it('applies in order and names the index of a refused operation', () => {
    const doc = frozen(smallFlow());
    const ok = applyOperations(doc, [
      { type: 'add_node', node: endNode('n1'), position: { x: 0, y: 0 } },
      { type: 'connect', edge: { id: 'x', source: 'greeting', sourceHandle: 'other', target: 'n1' } },
    ]);
    expect(ok.ok && ok.document.edges.at(-1)?.target).toBe('n1');
    const refusedResult = applyOperations(doc, [
      { type: 'add_node', node: endNode('n1'), position: { x: 0, y: 0 } },
      { type: 'add_node', node: endNode('n1'), position: { x: 0, y: 0 } },
    ]);
    expect(refusedResult).toEqual({
      ok: false,
      error: { code: 'duplicate_id', message: 'Another node or trigger already uses the id "n1".', path: 'node.id', elementId: 'n1', operationIndex: 1 },
    });
  });

  it('applies a run of moves as one, with the same result as one by one', () => {
    const doc = smallFlow();
    const moves: FlowOperation[] = [
      { type: 'move', positions: { greeting: { x: 1, y: 1 }, ask: { x: 2, y: 2 } } },
      { type: 'move', positions: { t2: { x: 3, y: 3 } }, clear: ['ask', 'bye'] },
      { type: 'move', positions: { ask: { x: 4, y: 4 } }, clear: ['greeting'] },
    ];
    let oneByOne = doc;
    for (const op of moves) {
      const result = applyOperation(oneByOne, op);
      if (!result.ok) throw new Error('refused');
      oneByOne = result.document;
    }
    const together = applyOperations(doc, [{ type: 'update_node', nodeId: 'bye', label: 'End' }, ...moves]);
    expect(together.ok && together.document.ui.positions).toEqual({ t1: { x: 0, y: 0 }, t2: { x: 3, y: 3 }, ask: { x: 4, y: 4 } });
    expect(together.ok && together.document.ui.positions).toEqual(oneByOne.ui.positions);
  });

  it('names the refused move inside a run of moves', () => {
    const result = applyOperations(smallFlow(), [
      { type: 'move', positions: { greeting: { x: 1, y: 1 } } },
      { type: 'move', positions: { ask: { x: 1, y: 1 } } },
      { type: 'move', positions: { ghost: { x: 1, y: 1 } } },
      { type: 'move', positions: { bye: { x: 1, y: 1 } } },
    ]);
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_element', path: 'positions.ghost', operationIndex: 2 } });
  });
});

describe('FLOW_LIMITS', () => {
  it('are the limits of the document schema', () => {
    const base = smallFlow();
    const withCount = (key: 'triggers' | 'nodes' | 'edges' | 'variables', count: number): FlowDocument => {
      const make = {
        triggers: (i: number) => ({ id: `m${String(i)}`, type: 'manual' }),
        nodes: (i: number) => endNode(`n${String(i)}`),
        edges: (i: number) => ({ id: `x${String(i)}`, source: 't1', sourceHandle: 'next', target: 'bye' }),
        variables: (i: number) => ({ name: `v${String(i)}`, type: 'text' }),
      }[key];
      return { ...base, [key]: Array.from({ length: count }, (_, i) => make(i)) } as FlowDocument;
    };
    for (const key of ['triggers', 'nodes', 'edges', 'variables'] as const) {
      expect([key, parseFlow(withCount(key, FLOW_LIMITS[key])).ok]).toEqual([key, true]);
      expect([key, parseFlow(withCount(key, FLOW_LIMITS[key] + 1)).ok]).toEqual([key, false]);
    }
    expect(parseFlow({ ...base, name: 'x'.repeat(FLOW_LIMITS.nameLength + 1) }).ok).toBe(false);
    expect(parseFlow({ ...base, description: 'x'.repeat(FLOW_LIMITS.descriptionLength + 1) }).ok).toBe(false);
  });

  it('refuse connections and variables past them', () => {
    const base = smallFlow();
    const manyEdges = { ...base, edges: Array.from({ length: FLOW_LIMITS.edges }, (_, i) => ({ id: `x${String(i)}`, source: 't1', sourceHandle: 'next', target: 'bye' })) };
    expect(refused(manyEdges, { type: 'connect', edge: { id: 'one_more', source: 'greeting', sourceHandle: 'other', target: 'bye' } }).code).toBe('limit_exceeded');
    const variables = Array.from({ length: FLOW_LIMITS.variables + 1 }, (_, i) => ({ name: `v${String(i)}`, type: 'text' as const }));
    expect(refused(base, { type: 'set_variables', variables }).code).toBe('limit_exceeded');
  });
});
