import { applyOperationWithInverse } from '@jornada/flow-engine';
import { CLIPBOARD_FORMAT, copySelection, parseClipboard, pasteOperation, serializeClipboard } from './clipboard.js';
import { templateDocument } from './test-documents.js';

describe('clipboard', () => {
  const document = templateDocument('cart-recovery');
  const [a, b, c] = document.nodes;
  if (a === undefined || b === undefined || c === undefined) throw new Error('template too small');
  const inner = document.edges.find((edge) => edge.source === a.id || edge.source === b.id);

  it('copies the selected boxes, their positions and only the connections between them', () => {
    const payload = copySelection(document, new Set([a.id, b.id]));
    expect(payload?.nodes.map((node) => node.id)).toEqual([a.id, b.id]);
    expect(payload?.edges.every((edge) => [a.id, b.id].includes(edge.source) && [a.id, b.id].includes(edge.target))).toBe(true);
    expect(Object.keys(payload?.positions ?? {}).sort()).toEqual([a.id, b.id].filter((id) => document.ui.positions[id] !== undefined).sort());
    expect(copySelection(document, new Set())).toBeNull();
  });

  it('pastes with new ids, connections follow the copies, positions offset; the reducer accepts it', () => {
    const payload = copySelection(document, new Set(document.nodes.map((node) => node.id)));
    if (payload === null) throw new Error('nothing copied');
    const { operation, ids } = pasteOperation(payload, { x: 48, y: 48 });
    if (operation.type !== 'add_elements') throw new Error('not add_elements');
    const oldIds = new Set([...document.nodes.map((node) => node.id), ...document.edges.map((edge) => edge.id)]);
    expect(ids).toHaveLength(document.nodes.length);
    expect(ids.some((id) => oldIds.has(id))).toBe(false);
    expect(operation.edges?.every((edge) => !oldIds.has(edge.id) && ids.includes(edge.source) && ids.includes(edge.target))).toBe(true);
    expect(operation.edges).toHaveLength(payload.edges.length);
    const [firstId] = ids;
    const original = document.ui.positions[a.id];
    if (firstId !== undefined && original !== undefined) expect(operation.positions?.[firstId]).toEqual({ x: original.x + 48, y: original.y + 48 });
    // Outputs keep their ids (a button's id is its handle): the copies' edges still fit.
    const result = applyOperationWithInverse(document, operation);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.document.nodes).toHaveLength(document.nodes.length * 2);
    expect(inner).toBeDefined();
  });

  it('two pastes of the same copy never collide', () => {
    const payload = copySelection(document, new Set([c.id]));
    if (payload === null) throw new Error('nothing copied');
    const first = pasteOperation(payload, { x: 0, y: 0 });
    const second = pasteOperation(payload, { x: 0, y: 0 });
    expect(first.ids[0]).not.toBe(second.ids[0]);
  });

  it('reads back its own text, and refuses other text or invalid boxes', () => {
    const payload = copySelection(document, new Set([a.id]));
    if (payload === null) throw new Error('nothing copied');
    expect(parseClipboard(serializeClipboard(payload))).toEqual(payload);
    expect(parseClipboard('hello')).toBeNull();
    expect(parseClipboard(null)).toBeNull();
    expect(parseClipboard(JSON.stringify({ format: CLIPBOARD_FORMAT, triggers: [], nodes: [{ id: 'x', type: 'message', data: {} }], edges: [], positions: {} }))).toBeNull();
    expect(parseClipboard(`{"format":"${CLIPBOARD_FORMAT}", broken`)).toBeNull();
  });
});
