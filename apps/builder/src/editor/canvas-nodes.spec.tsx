import { FlowNodeView, sameBoxProps, TriggerNodeView } from './canvas-nodes.js';
import { createProjector } from './projection.js';
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

  it('are handed to React Flow with an estimated size and handles, and without a measured size', () => {
    for (const node of createProjector()(DOCUMENT).nodes) {
      expect(node.initialWidth).toBeGreaterThan(0);
      expect(node.initialHeight).toBeGreaterThan(0);
      expect(node.handles?.filter((handle) => handle.type === 'source').map((handle) => handle.id)).toEqual(node.data.outputs.map((port) => port.id));
      expect(node).not.toHaveProperty('width');
      expect(node.measured).toBeUndefined();
    }
  });
});
