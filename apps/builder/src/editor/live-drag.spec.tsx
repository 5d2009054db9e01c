import { act, renderHook } from '@testing-library/react';
import { ReactFlowProvider, useStoreApi } from '@xyflow/react';
import { moveInStore, selectInStore, selectionInStore, type LiveMove } from './live-drag.js';
import { createProjector, type CanvasEdge, type CanvasNode } from './projection.js';
import { templateDocument } from './test-documents.js';

const frame = (id: string, x: number, y: number): LiveMove => ({ type: 'position', id, position: { x, y }, dragging: true });

/** A real React Flow store holding the cart-recovery template's boxes, as the controlled canvas gives them. */
function storeWithBoxes() {
  const { result } = renderHook(() => useStoreApi<CanvasNode, CanvasEdge>(), { wrapper: ReactFlowProvider });
  const store = result.current;
  const nodes = [...createProjector()(templateDocument('cart-recovery')).nodes];
  act(() => store.getState().setNodes(nodes));
  return { store, nodes };
}

/** The store with two of its boxes picked, its entries as they were, and a listener counting its notifications. */
function twoBoxesWatched() {
  const { store, nodes } = storeWithBoxes();
  const [, a, b] = nodes;
  if (a === undefined || b === undefined) throw new Error('template too small');
  const before = new Map(store.getState().nodeLookup);
  const notified = jest.fn();
  const unsubscribe = store.subscribe(notified);
  return { store, nodes, a, b, before, notified, unsubscribe };
}

describe('moveInStore', () => {
  it('moves the dragged boxes in React Flow\'s lookup and nodes, leaving every other box\'s entry as it was', () => {
    const { store, nodes, a, b, before, notified, unsubscribe } = twoBoxesWatched();
    const refused = moveInStore(store, [frame(a.id, 1000, 2000), frame(b.id, 1300, 2100)]);
    unsubscribe();
    expect(refused).toEqual([]);
    // One notification: boxes, connections and culling read the lookup in their selectors.
    expect(notified).toHaveBeenCalledTimes(1);
    const { nodeLookup, nodes: held } = store.getState();
    expect(nodeLookup.get(a.id)?.internals.positionAbsolute).toEqual({ x: 1000, y: 2000 });
    expect(nodeLookup.get(b.id)?.position).toEqual({ x: 1300, y: 2100 });
    // The moved entries still stand for the objects the canvas gave.
    expect(nodeLookup.get(a.id)?.internals.userNode).toBe(a);
    for (const [id, entry] of before) if (id !== a.id && id !== b.id) expect(nodeLookup.get(id)).toBe(entry);
    // getNodes() and the overview see the drag too; the other boxes keep their objects.
    expect(held.find((node) => node.id === a.id)?.position).toEqual({ x: 1000, y: 2000 });
    expect(held.filter((node, index) => node !== nodes[index]).map((node) => node.id)).toEqual([a.id, b.id]);
  });

  it('survives the canvas handing React Flow the same boxes mid-drag; a box handed anew takes its own position', () => {
    const { store, nodes } = storeWithBoxes();
    const [, a] = nodes;
    if (a === undefined) throw new Error('template too small');
    moveInStore(store, [frame(a.id, 1000, 2000)]);
    act(() => store.getState().setNodes([...nodes]));
    expect(store.getState().nodeLookup.get(a.id)?.internals.positionAbsolute).toEqual({ x: 1000, y: 2000 });
    const dropped = nodes.map((node) => (node.id === a.id ? ({ ...node, position: { x: 1001, y: 2001 } } as CanvasNode) : node));
    act(() => store.getState().setNodes(dropped));
    expect(store.getState().nodeLookup.get(a.id)?.internals.positionAbsolute).toEqual({ x: 1001, y: 2001 });
  });

  it('does not take a box inside another (its position is relative): it is answered back', () => {
    const { store, nodes } = storeWithBoxes();
    const [parent, child] = nodes;
    if (parent === undefined || child === undefined) throw new Error('template too small');
    const nested = nodes.map((node) => (node === child ? ({ ...node, parentId: parent.id } as CanvasNode) : node));
    act(() => store.getState().setNodes(nested));
    const entry = store.getState().nodeLookup.get(child.id);
    const move = frame(child.id, 5, 5);
    expect(moveInStore(store, [move, frame('no-such-box', 1, 1)]).map((refused) => refused.id)).toEqual([child.id, 'no-such-box']);
    expect(store.getState().nodeLookup.get(child.id)).toBe(entry);
  });
});

describe('selectInStore', () => {
  const pick = (id: string, selected = true) => ({ type: 'select' as const, id, selected });

  it('selects and unselects boxes in React Flow\'s lookup and nodes, raised as React Flow raises them, with one notification', () => {
    const { store, a, b, before, notified, unsubscribe } = twoBoxesWatched();
    expect(selectInStore(store, [pick(a.id), pick(b.id)])).toEqual([]);
    unsubscribe();
    expect(notified).toHaveBeenCalledTimes(1);
    const { nodeLookup, nodes: held } = store.getState();
    expect(nodeLookup.get(a.id)).toMatchObject({ selected: true, internals: { z: 1000 } });
    expect(nodeLookup.get(a.id)?.internals.userNode).toBe(a);
    for (const [id, entry] of before) if (id !== a.id && id !== b.id) expect(nodeLookup.get(id)).toBe(entry);
    expect(held.filter((node) => node.selected === true).map((node) => node.id)).toEqual([a.id, b.id]);
    expect(selectionInStore(store)).toEqual({ nodeIds: [a.id, b.id], edgeIds: [] });

    selectInStore(store, [pick(a.id, false)]);
    expect(store.getState().nodeLookup.get(a.id)).toMatchObject({ selected: false, internals: { z: 0 } });
    expect(selectionInStore(store).nodeIds).toEqual([b.id]);
  });

  it('gives a new entry even when React Flow already set the flag on it (its selection rectangle does)', () => {
    const { store, nodes } = storeWithBoxes();
    const [, a] = nodes;
    if (a === undefined) throw new Error('template too small');
    const entry = store.getState().nodeLookup.get(a.id);
    if (entry === undefined) throw new Error('no entry');
    entry.selected = true;
    selectInStore(store, [pick(a.id)]);
    expect(store.getState().nodeLookup.get(a.id)).not.toBe(entry);
    expect(store.getState().nodeLookup.get(a.id)?.internals.z).toBe(1000);
  });

  it('survives the canvas handing React Flow the same boxes; a box handed anew takes its own flag', () => {
    const { store, nodes } = storeWithBoxes();
    const [, a] = nodes;
    if (a === undefined) throw new Error('template too small');
    selectInStore(store, [pick(a.id)]);
    act(() => store.getState().setNodes([...nodes]));
    expect(selectionInStore(store).nodeIds).toEqual([a.id]);
    act(() => store.getState().setNodes(nodes.map((node) => (node === a ? ({ ...node } as CanvasNode) : node))));
    expect(selectionInStore(store).nodeIds).toEqual([]);
  });

  it('answers back a box it does not know or one inside another', () => {
    const { store, nodes } = storeWithBoxes();
    const [parent, child] = nodes;
    if (parent === undefined || child === undefined) throw new Error('template too small');
    act(() => store.getState().setNodes(nodes.map((node) => (node === child ? ({ ...node, parentId: parent.id } as CanvasNode) : node))));
    const refused = [pick(child.id), pick('nowhere')];
    expect(selectInStore(store, refused)).toEqual(refused);
    expect(selectionInStore(store).nodeIds).toEqual([]);
  });
});
