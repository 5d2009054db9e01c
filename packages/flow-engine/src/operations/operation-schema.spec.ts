import { smallFlow } from './__fixtures__/documents.js';
import { applyOperation, MAX_BATCH_DEPTH } from './apply-operation.js';
import type { FlowOperation } from './flow-operation.js';
import { MAX_OPERATIONS, readFlowOperations } from './operation-schema.js';

const addEnd = { type: 'add_node', node: { id: 'n1', type: 'end', data: {} }, position: { x: 0, y: 0 } };

describe('readFlowOperations', () => {
  it('accepts well-formed operations of every type as they are', () => {
    const operations = [
      addEnd,
      { type: 'update_node', nodeId: 'n1', label: null, data: { reason: 'done' } },
      { type: 'add_trigger', trigger: { id: 't', type: 'manual' }, position: { x: 1, y: 2 } },
      { type: 'update_trigger', trigger: { id: 't', type: 'manual' } },
      { type: 'connect', edge: { id: 'e', source: 't', sourceHandle: 'next', target: 'n1' } },
      { type: 'add_elements', nodes: [{ id: 'a' }], positions: { a: { x: 0, y: 0 } }, indexes: { nodes: [0] } },
      { type: 'remove_elements', nodeIds: ['a'], edgeIds: [] },
      { type: 'move', positions: { n1: { x: 3, y: 4 } }, clear: ['t'] },
      { type: 'set_variables', variables: [{ name: 'x', type: 'text' }] },
      { type: 'update_flow', name: 'New', description: null, settings: { stepBudget: 20 } },
      { type: 'batch', operations: [addEnd, { type: 'batch', operations: [] }] },
    ];
    expect(readFlowOperations(operations)).toEqual({ ok: true, operations });
  });

  it('refuses anything but a list of 1 to MAX_OPERATIONS', () => {
    expect(readFlowOperations({})).toEqual({ ok: false, errors: [{ path: '', message: 'expected a list of operations' }] });
    expect(readFlowOperations([])).toEqual({ ok: false, errors: [{ path: '', message: 'send at least one operation' }] });
    expect(readFlowOperations(Array(MAX_OPERATIONS + 1).fill(addEnd))).toMatchObject({ ok: false, errors: [{ path: '', message: expect.stringContaining('at most 500') }] });
    expect(readFlowOperations(Array(MAX_OPERATIONS).fill(addEnd)).ok).toBe(true);
  });

  it('names an unknown type, at any depth, with the types there are', () => {
    expect(readFlowOperations([addEnd, { type: 'teleport' }])).toEqual({
      ok: false,
      errors: [{ path: '1.type', message: expect.stringMatching(/^"teleport" is not an operation; expected one of add_node, update_node, .*batch$/) }],
    });
    expect(readFlowOperations([{ type: 'batch', operations: [addEnd, { node: {} }] }])).toMatchObject({
      ok: false,
      errors: [{ path: '0.operations.1.type', message: expect.stringMatching(/^type is required/) }],
    });
    expect(readFlowOperations(['add_node'])).toEqual({ ok: false, errors: [{ path: '0', message: 'each operation must be an object' }] });
  });

  it('names fields of the wrong shape and fields that do not belong', () => {
    const result = readFlowOperations([
      { type: 'move', positions: { n1: { x: '3', y: 4 } } },
      { type: 'remove_elements', nodeIds: 'n1' },
      { type: 'connect', edge: { id: 'e' }, colour: 'red' },
      { type: 'add_node', node: { id: 'n' } },
    ]);
    expect(result.ok === false && result.errors.map((e) => e.path)).toEqual(['0.positions.n1.x', '1.nodeIds', '2', '3.position']);
    expect(result.ok === false && result.errors[2]?.message).toMatch(/colour/);
  });

  it('refuses batches nested deeper than the reducer applies, without recursing through them', () => {
    let tower: unknown = { type: 'batch', operations: [] };
    for (let i = 0; i < 100_000; i++) tower = { type: 'batch', operations: [tower] };
    const result = readFlowOperations([tower]);
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.errors[0]?.path.split('.operations.0').length).toBe(MAX_BATCH_DEPTH + 1);

    // As deep as the reducer goes is fine: MAX_BATCH_DEPTH batches, one inside the other.
    let deepest: unknown = { type: 'batch', operations: [] };
    for (let i = 1; i < MAX_BATCH_DEPTH; i++) deepest = { type: 'batch', operations: [deepest] };
    expect(readFlowOperations([deepest]).ok).toBe(true);
    expect(applyOperation(smallFlow(), deepest as FlowOperation).ok).toBe(true);
  });
});
