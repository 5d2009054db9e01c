import { applyOperationWithInverse } from '@jornada/flow-engine';
import { applyEdit, HISTORY_LIMIT, redo, startHistory, undo, type EditorHistory, type StepResult } from './history.js';
import { createNode } from './node-catalog.js';
import { templateDocument } from './test-documents.js';

const TEXTS = { message: 'Hi', question: 'Email?', survey: 'Score?', handoffReason: 'Help', tag: 'lead', branch: 'VIP', variantA: 'A', variantB: 'B' };
const reducer = applyOperationWithInverse;

function ok(step: StepResult | null): EditorHistory {
  if (step === null || !step.ok) throw new Error('step refused');
  return step.history;
}

describe('history', () => {
  const start = templateDocument('cart-recovery');

  it('an edit is one undo step; undo applies its inverse and gives back the document; redo applies it again', () => {
    const node = createNode('message', TEXTS, 'm_new');
    const added = applyEdit(reducer, startHistory(start), { type: 'add_node', node, position: { x: 1, y: 2 } });
    const afterAdd = ok(added);
    expect(afterAdd.document.nodes).toHaveLength(start.nodes.length + 1);
    expect(afterAdd.past).toHaveLength(1);

    const undone = undo(reducer, afterAdd);
    const afterUndo = ok(undone);
    expect(afterUndo.document).toEqual(start);
    expect(undone?.ok === true && undone.applied).toEqual({ type: 'remove_elements', nodeIds: ['m_new'] });
    expect(afterUndo.future).toHaveLength(1);

    const redone = ok(redo(reducer, afterUndo));
    expect(redone.document).toEqual(afterAdd.document);
    expect(redone.future).toHaveLength(0);
  });

  it('a batch is one step', () => {
    const [first, second] = start.nodes;
    if (first === undefined || second === undefined) throw new Error('template too small');
    const history = ok(applyEdit(reducer, startHistory(start), { type: 'batch', operations: [{ type: 'update_node', nodeId: first.id, label: 'One' }, { type: 'update_node', nodeId: second.id, label: 'Two' }] }));
    expect(history.past).toHaveLength(1);
    expect(ok(undo(reducer, history)).document).toEqual(start);
  });

  it('a new edit drops the redo stack; nothing to undo or redo answers null', () => {
    expect(undo(reducer, startHistory(start))).toBeNull();
    expect(redo(reducer, startHistory(start))).toBeNull();
    const [first] = start.nodes;
    if (first === undefined) throw new Error('template empty');
    const one = ok(applyEdit(reducer, startHistory(start), { type: 'update_node', nodeId: first.id, label: 'One' }));
    const back = ok(undo(reducer, one));
    const other = ok(applyEdit(reducer, back, { type: 'update_node', nodeId: first.id, label: 'Other' }));
    expect(other.future).toHaveLength(0);
    expect(redo(reducer, other)).toBeNull();
  });

  it('a refused edit changes nothing and says why', () => {
    const history = startHistory(start);
    const result = applyEdit(reducer, history, { type: 'connect', edge: { id: 'e_x', source: 'nope', sourceHandle: 'next', target: 'nope' } });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('unknown_source');
  });

  it('keeps the last HISTORY_LIMIT steps', () => {
    const [first] = start.nodes;
    if (first === undefined) throw new Error('template empty');
    let history = startHistory(start);
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) history = ok(applyEdit(reducer, history, { type: 'move', positions: { [first.id]: { x: i, y: 0 } } }));
    expect(history.past).toHaveLength(HISTORY_LIMIT);
  });
});
