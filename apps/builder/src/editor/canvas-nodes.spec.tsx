import { FlowNodeView, sameBoxProps, TriggerNodeView } from './canvas-nodes.js';
import { openingViewport } from './flow-canvas.js';
import { createProjector, estimatedSize } from './projection.js';
import { templateDocument } from './test-documents.js';

const DOCUMENT = templateDocument('cart-recovery');

describe('canvas boxes', () => {
  const box = createProjector()(DOCUMENT).nodes[1];
  if (box === undefined) throw new Error('template too small');
  const props = { id: box.id, data: box.data, selected: false, positionAbsoluteX: 0, positionAbsoluteY: 0, width: 272, height: 140, dragging: false, zIndex: 0 };

  it('re-render only when their data or selection changes, not when React Flow moves, sizes or drags them', () => {
    const moved = { ...props, positionAbsoluteX: 40, positionAbsoluteY: 12, dragging: true, zIndex: 1000 };
    const measured = { ...props, width: 300, height: 160 };
    expect(sameBoxProps(props, moved)).toBe(true);
    expect(sameBoxProps(props, measured)).toBe(true);
    expect(sameBoxProps(props, { ...props, selected: true })).toBe(false);
    expect(sameBoxProps(props, { ...props, data: { ...box.data } })).toBe(false);
    // Both box components are memoized with it (React keeps the comparison on the memo type).
    expect((FlowNodeView as unknown as { compare: unknown }).compare).toBe(sameBoxProps);
    expect((TriggerNodeView as unknown as { compare: unknown }).compare).toBe(sameBoxProps);
  });

  it('are handed to React Flow without a size: it would draw them at the estimate, then measure every one twice', () => {
    for (const node of createProjector()(DOCUMENT).nodes) {
      expect(node).not.toHaveProperty('initialWidth');
      expect(node).not.toHaveProperty('width');
      expect(node.measured).toBeUndefined();
    }
  });

  it('open with the whole flow in view, from their estimated sizes', () => {
    const nodes = createProjector()(DOCUMENT).nodes;
    const screen = { width: 1200, height: 800 };
    const { x, y, zoom } = openingViewport(nodes, screen);
    for (const node of nodes) {
      const size = estimatedSize(node.data.kind === 'node' ? node.data.node : node.data.trigger, node.data.outputs);
      expect(node.position.x * zoom + x).toBeGreaterThanOrEqual(0);
      expect(node.position.y * zoom + y).toBeGreaterThanOrEqual(0);
      expect((node.position.x + size.width) * zoom + x).toBeLessThanOrEqual(screen.width);
      expect((node.position.y + size.height) * zoom + y).toBeLessThanOrEqual(screen.height);
    }
    expect(openingViewport([], screen)).toEqual({ x: 0, y: 0, zoom: 1 });
  });
});
