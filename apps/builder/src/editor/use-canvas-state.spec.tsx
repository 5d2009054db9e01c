import { act, renderHook } from '@testing-library/react';
import { createProjector } from './projection.js';
import { templateDocument } from './test-documents.js';
import { useCanvasState } from './use-canvas-state.js';

const DOCUMENT = templateDocument('cart-recovery');

describe('useCanvasState', () => {
  it('keeps its commands stable while boxes move, so what depends on them (React Flow props, key listeners) is not redone per frame', () => {
    const projection = createProjector()(DOCUMENT);
    const { result } = renderHook(() => useCanvasState(projection, () => undefined));
    const first = result.current;
    const box = first.nodes[1];
    if (box === undefined) throw new Error('template too small');
    act(() => first.onNodesChange([{ type: 'position', id: box.id, position: { x: 5, y: 6 }, dragging: true }]));
    expect(result.current.nodes).not.toBe(first.nodes);
    expect(result.current.nodes.find((node) => node.id === box.id)?.position).toEqual({ x: 5, y: 6 });
    // Only the moved box is a new object: the others keep theirs (and their data).
    expect(result.current.nodes.filter((node, index) => node !== first.nodes[index]).map((node) => node.id)).toEqual([box.id]);
    expect(result.current.nodes.find((node) => node.id === box.id)?.data).toBe(box.data);
    expect(result.current.select).toBe(first.select);
    expect(result.current.selectAll).toBe(first.selectAll);
    expect(result.current.onNodesChange).toBe(first.onNodesChange);
    expect(result.current.onEdgesChange).toBe(first.onEdgesChange);
  });

  it('selects every box with selectAll, and exactly the given ones with select', () => {
    const projection = createProjector()(DOCUMENT);
    const { result } = renderHook(() => useCanvasState(projection, () => undefined));
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
    const { result } = renderHook(() => useCanvasState(projection, () => undefined));
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
    const { result, rerender } = renderHook(({ projection }) => useCanvasState(projection, () => undefined), { initialProps: { projection: first } });
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
