import { act, renderHook } from '@testing-library/react';
import type { NodeChange, NodeSelectionChange } from '@xyflow/react';
import type { LiveMove } from './live-drag.js';
import { createProjector, type CanvasNode } from './projection.js';
import { templateDocument } from './test-documents.js';
import { useCanvasState, withLive, type CanvasStoreWriter } from './use-canvas-state.js';

const DOCUMENT = templateDocument('cart-recovery');
/** React Flow's store takes every drag frame and selection (what `moveInStore` and `selectInStore` do for the editor's boxes). */
const keepAll: CanvasStoreWriter = { move: () => [], select: () => [] };

/** React Flow's store, as seen by the canvas state: every drag frame and selection it was handed. */
function liveRecorder(refuse = false) {
  const frames: LiveMove[][] = [];
  const selections: NodeSelectionChange[][] = [];
  const inStore: CanvasStoreWriter = {
    move: (moves) => (frames.push(moves), refuse ? moves : []),
    select: (changes) => (selections.push(changes), refuse ? changes : []),
  };
  return { frames, selections, moveLive: inStore };
}
const pick = (id: string, selected = true): NodeSelectionChange => ({ type: 'select', id, selected });
const selectedIn = (nodes: readonly CanvasNode[]) => nodes.filter((node) => node.selected === true).map((node) => node.id);
/** Lets queued microtasks run (the canvas state takes a selection in once the event is over). */
const afterEvent = () => act(async () => {
  await Promise.resolve();
});
const frame = (id: string, x: number, y: number): LiveMove => ({ type: 'position', id, position: { x, y }, dragging: true });
const drop = (id: string, x: number, y: number): NodeChange<CanvasNode> => ({ type: 'position', id, position: { x, y }, dragging: false });

describe('useCanvasState', () => {
  it('hands a drag\'s frames to React Flow\'s store, not to its state; the drop is one move of every dragged box', () => {
    const projection = createProjector()(DOCUMENT);
    const onMoved = jest.fn();
    const live = liveRecorder();
    const { result } = renderHook(() => useCanvasState(projection, onMoved, live.moveLive));
    const first = result.current;
    const [, a, b] = first.nodes;
    if (a === undefined || b === undefined) throw new Error('template too small');
    // Two selected boxes dragged together: React Flow sends both in each frame.
    for (let step = 1; step <= 3; step++) act(() => first.onNodesChange([frame(a.id, a.position.x + step * 10.4, a.position.y), frame(b.id, b.position.x + step * 10.4, b.position.y)]));
    expect(live.frames).toHaveLength(3);
    expect(live.frames[2]?.map((move) => move.id)).toEqual([a.id, b.id]);
    // Nothing changed here: the editor did not re-render, React Flow did not re-adopt its nodes.
    expect(result.current.nodes).toBe(first.nodes);
    expect(onMoved).not.toHaveBeenCalled();

    act(() => first.onNodesChange([drop(a.id, a.position.x + 31.2, a.position.y), drop(b.id, b.position.x + 31.2, b.position.y)]));
    expect(onMoved).toHaveBeenCalledTimes(1);
    expect(onMoved).toHaveBeenCalledWith({ [a.id]: { x: Math.round(a.position.x + 31.2), y: a.position.y }, [b.id]: { x: Math.round(b.position.x + 31.2), y: b.position.y } });
    // Only the moved boxes are new objects: the others keep theirs (and their data).
    expect(result.current.nodes.filter((node, index) => node !== first.nodes[index]).map((node) => node.id)).toEqual([a.id, b.id]);
    expect(result.current.nodes.find((node) => node.id === a.id)?.data).toBe(a.data);
    expect(result.current.select).toBe(first.select);
    expect(result.current.selectAll).toBe(first.selectAll);
    expect(result.current.onNodesChange).toBe(first.onNodesChange);
    expect(result.current.onEdgesChange).toBe(first.onEdgesChange);
  });

  it('gives a box handed to React Flow anew mid-drag the drag\'s position, not the document\'s', () => {
    const projection = createProjector()(DOCUMENT);
    const live = liveRecorder();
    const { result } = renderHook(() => useCanvasState(projection, () => undefined, live.moveLive));
    const box = result.current.nodes[1];
    if (box === undefined) throw new Error('template too small');
    // The press selects the box and the same pointer move drags it (one event, in this order).
    act(() => {
      result.current.onNodesChange([pick(box.id)]);
      result.current.onNodesChange([frame(box.id, 500, 600)]);
    });
    // Measured mid-drag: still where the drag is, and selected.
    act(() => result.current.onNodesChange([frame(box.id, 510, 610)]));
    act(() => result.current.onNodesChange([{ type: 'dimensions', id: box.id, dimensions: { width: 250, height: 120 } }]));
    expect(result.current.nodes.find((node) => node.id === box.id)).toMatchObject({ selected: true, position: { x: 510, y: 610 } });
    // Dropped: the drop's position, no longer dragging.
    act(() => result.current.onNodesChange([drop(box.id, 520, 620)]));
    expect(result.current.nodes.find((node) => node.id === box.id)).toMatchObject({ position: { x: 520, y: 620 }, dragging: false, selected: true });
  });

  it('keeps the drag\'s position for a box the document re-decorates mid-drag (the lint finishing)', () => {
    const projector = createProjector();
    const first = projector(DOCUMENT);
    const live = liveRecorder();
    const { result, rerender } = renderHook(({ projection }) => useCanvasState(projection, () => undefined, live.moveLive), { initialProps: { projection: first } });
    const box = result.current.nodes[1];
    if (box === undefined) throw new Error('template too small');
    act(() => result.current.onNodesChange([frame(box.id, 700, 800)]));
    rerender({ projection: projector(DOCUMENT, { issues: new Map([[box.id, { errors: 1, warnings: 0 }]]), simulation: null }) });
    const decorated = result.current.nodes.find((node) => node.id === box.id);
    expect(decorated?.data.issues).toEqual({ errors: 1, warnings: 0 });
    expect(decorated?.position).toEqual({ x: 700, y: 800 });
  });

  it('lets the document place a dropped box again once the drop is in (undo of the move)', () => {
    const projector = createProjector();
    const live = liveRecorder();
    const { result, rerender } = renderHook(({ projection }) => useCanvasState(projection, () => undefined, live.moveLive), { initialProps: { projection: projector(DOCUMENT) } });
    const box = result.current.nodes[1];
    if (box === undefined) throw new Error('template too small');
    act(() => result.current.onNodesChange([frame(box.id, 700, 800)]));
    act(() => result.current.onNodesChange([drop(box.id, 710, 810)]));
    expect(result.current.nodes.find((node) => node.id === box.id)?.position).toEqual({ x: 710, y: 810 });
    const undone = { ...DOCUMENT, ui: { ...DOCUMENT.ui, positions: { ...DOCUMENT.ui.positions, [box.id]: { x: 3, y: 4 } } } };
    rerender({ projection: projector(undone) });
    expect(result.current.nodes.find((node) => node.id === box.id)?.position).toEqual({ x: 3, y: 4 });
  });

  it('keeps the frames React Flow\'s store did not take in its own state', () => {
    const projection = createProjector()(DOCUMENT);
    const live = liveRecorder(true);
    const { result } = renderHook(() => useCanvasState(projection, () => undefined, live.moveLive));
    const box = result.current.nodes[1];
    if (box === undefined) throw new Error('template too small');
    act(() => result.current.onNodesChange([frame(box.id, 5, 6)]));
    expect(result.current.nodes.find((node) => node.id === box.id)?.position).toEqual({ x: 5, y: 6 });
  });

  it('hands React Flow\'s own selections to its store at once and takes them in after the event', async () => {
    const projection = createProjector()(DOCUMENT);
    const live = liveRecorder();
    const { result } = renderHook(() => useCanvasState(projection, () => undefined, live.moveLive));
    const first = result.current;
    const [, a, b] = first.nodes;
    if (a === undefined || b === undefined) throw new Error('template too small');
    act(() => first.onNodesChange([pick(a.id), pick(b.id)]));
    expect(live.selections).toEqual([[pick(a.id), pick(b.id)]]);
    // The event is not over: nothing re-rendered, React Flow was handed nothing new.
    expect(result.current.nodes).toBe(first.nodes);
    await afterEvent();
    expect(selectedIn(result.current.nodes)).toEqual([a.id, b.id]);
    // Only the two boxes are new objects.
    expect(result.current.nodes.filter((node, index) => node !== first.nodes[index]).map((node) => node.id)).toEqual([a.id, b.id]);
    // A shift-click unselects one of them.
    act(() => result.current.onNodesChange([pick(a.id, false)]));
    await afterEvent();
    expect(selectedIn(result.current.nodes)).toEqual([b.id]);
  });

  it('takes in the selection made by the press that starts a drag with the drop, not mid-drag', async () => {
    const projection = createProjector()(DOCUMENT);
    const onMoved = jest.fn();
    const { result } = renderHook(() => useCanvasState(projection, onMoved, keepAll));
    const first = result.current;
    const box = first.nodes[1];
    if (box === undefined) throw new Error('template too small');
    act(() => {
      first.onNodesChange([pick(box.id)]);
      first.onNodesChange([frame(box.id, 500, 600)]);
    });
    await afterEvent();
    act(() => first.onNodesChange([frame(box.id, 510, 610)]));
    await afterEvent();
    // The whole drag so far: React Flow's store has it all, the canvas state re-rendered nothing.
    expect(result.current.nodes).toBe(first.nodes);
    act(() => first.onNodesChange([drop(box.id, 520, 620)]));
    await afterEvent();
    expect(result.current.nodes.find((node) => node.id === box.id)).toMatchObject({ selected: true, position: { x: 520, y: 620 } });
    expect(onMoved).toHaveBeenCalledTimes(1);
  });

  it('lets select() override a selection React Flow made and the state has not taken in yet', async () => {
    const projection = createProjector()(DOCUMENT);
    const { result } = renderHook(() => useCanvasState(projection, () => undefined, keepAll));
    const first = result.current;
    const [one, a] = first.nodes;
    if (one === undefined || a === undefined) throw new Error('template too small');
    // A box picked in the store, then (same event) the editor selects another: the pick is superseded,
    // and the picked box is handed to React Flow anew (unselected) so that its store follows.
    act(() => {
      first.onNodesChange([pick(a.id)]);
      first.select([one.id]);
    });
    await afterEvent();
    expect(selectedIn(result.current.nodes)).toEqual([one.id]);
    expect(result.current.nodes.find((node) => node.id === a.id)).not.toBe(a);
  });

  it('keeps a selection React Flow\'s store did not take in its own state', () => {
    const projection = createProjector()(DOCUMENT);
    const live = liveRecorder(true);
    const { result } = renderHook(() => useCanvasState(projection, () => undefined, live.moveLive));
    const box = result.current.nodes[1];
    if (box === undefined) throw new Error('template too small');
    act(() => result.current.onNodesChange([pick(box.id)]));
    expect(selectedIn(result.current.nodes)).toEqual([box.id]);
  });

  it('selects every box with selectAll, and exactly the given ones with select', () => {
    const projection = createProjector()(DOCUMENT);
    const { result } = renderHook(() => useCanvasState(projection, () => undefined, keepAll));
    act(() => result.current.selectAll());
    expect(result.current.nodes.every((node) => node.selected === true)).toBe(true);
    const [one] = result.current.nodes;
    if (one === undefined) throw new Error('empty');
    act(() => result.current.select([one.id]));
    expect(result.current.nodes.filter((node) => node.selected === true).map((node) => node.id)).toEqual([one.id]);
  });
});

describe('estimated handles', () => {
  it('are dropped once React Flow has measured a box, so it keeps the handles it measured', () => {
    const projection = createProjector()(DOCUMENT);
    const { result } = renderHook(() => useCanvasState(projection, () => undefined, keepAll));
    const [box, other] = result.current.nodes;
    if (box === undefined || other === undefined) throw new Error('template too small');
    expect(box.handles).toBeDefined();
    act(() => result.current.onNodesChange([{ type: 'dimensions', id: box.id, dimensions: { width: 250, height: 120 } }]));
    const measured = result.current.nodes.find((node) => node.id === box.id);
    expect(measured?.measured).toEqual({ width: 250, height: 120 });
    expect(measured).not.toHaveProperty('handles');
    // A box not measured yet keeps its estimate (its connections end on the estimated handles).
    expect(result.current.nodes.find((node) => node.id === other.id)?.handles).toBe(other.handles);
  });

  it('stay dropped when an edit gives a measured box a new projection', () => {
    const document = templateDocument('cart-recovery');
    const projector = createProjector();
    const first = projector(document);
    const { result, rerender } = renderHook(({ projection }) => useCanvasState(projection, () => undefined, keepAll), { initialProps: { projection: first } });
    const box = result.current.nodes[1];
    if (box === undefined) throw new Error('template too small');
    act(() => result.current.onNodesChange([{ type: 'dimensions', id: box.id, dimensions: { width: 272, height: 150 } }]));
    const moved = { ...document, ui: { ...document.ui, positions: { ...document.ui.positions, [box.id]: { x: 7, y: 8 } } } };
    rerender({ projection: projector(moved) });
    const after = result.current.nodes.find((node) => node.id === box.id);
    expect(after?.position).toEqual({ x: 7, y: 8 });
    expect(after?.measured).toEqual({ width: 272, height: 150 });
    expect(after).not.toHaveProperty('handles');
  });
});

describe('withLive', () => {
  it('puts the boxes of the drag where it has them, and a dropped box where it was dropped until the state has the drop', () => {
    const nodes = [...createProjector()(DOCUMENT).nodes];
    const [, a, b, c] = nodes;
    if (a === undefined || b === undefined || c === undefined) throw new Error('template too small');
    const live = new Map([
      [a.id, { position: { x: 1, y: 2 } }],
      [b.id, { position: { x: 3, y: 4 }, drop: 2 }],
      [c.id, { position: { x: 5, y: 6 }, drop: 1 }],
    ]);
    const shown = withLive(nodes, live, 1);
    expect(shown.find((node) => node.id === a.id)).toMatchObject({ position: { x: 1, y: 2 }, dragging: true });
    expect(shown.find((node) => node.id === b.id)).toMatchObject({ position: { x: 3, y: 4 }, dragging: false });
    // Drop 1 is in the state: the state's box as it is.
    expect(shown.find((node) => node.id === c.id)).toBe(c);
    expect(shown.filter((node, index) => node !== nodes[index]).map((node) => node.id)).toEqual([a.id, b.id]);
    expect(withLive(nodes, new Map(), 0)).toBe(nodes);
  });

  it('gives a picked box its selection until the state has the pick', () => {
    const nodes = [...createProjector()(DOCUMENT).nodes];
    const [, a, b] = nodes;
    if (a === undefined || b === undefined) throw new Error('template too small');
    const picked = new Map([
      [a.id, { selected: true, pick: 3 }],
      [b.id, { selected: true, pick: 2 }],
    ]);
    const shown = withLive(nodes, new Map(), 0, picked, 2);
    expect(selectedIn(shown)).toEqual([a.id]);
    expect(shown.filter((node, index) => node !== nodes[index]).map((node) => node.id)).toEqual([a.id]);
  });
});
