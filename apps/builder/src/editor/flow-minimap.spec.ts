import { boxPaths } from './flow-minimap.js';
import { createProjector, type CanvasNode } from './projection.js';
import { templateDocument } from './test-documents.js';

describe('the minimap', () => {
  it('draws the boxes as one path per colour, recomputing only a box whose node object changed', () => {
    const nodes = createProjector()(templateDocument('cart-recovery')).nodes;
    const cache = new WeakMap<CanvasNode, { color: string; d: string }>();
    const colorOf = jest.fn((node: CanvasNode) => (node.type === 'trigger' ? 'teal' : 'blue'));
    const first = boxPaths(nodes, colorOf, cache);
    expect([...first.paths.keys()].sort()).toEqual(['blue', 'teal']);
    expect(colorOf).toHaveBeenCalledTimes(nodes.length);
    expect(first.paths.get('blue')?.match(/M/g)).toHaveLength(nodes.filter((node) => node.type !== 'trigger').length);

    const [, moved] = nodes;
    if (moved === undefined) throw new Error('template too small');
    const dragged = nodes.map((node) => (node === moved ? { ...node, position: { x: moved.position.x + 1000, y: moved.position.y } } : node));
    colorOf.mockClear();
    const second = boxPaths(dragged, colorOf, cache);
    expect(colorOf).toHaveBeenCalledTimes(1);
    expect(second.paths.get('blue')).toContain(`M${String(moved.position.x + 1000)} ${String(moved.position.y)}`);
    expect(second.bounds?.width).toBeGreaterThanOrEqual(first.bounds?.width ?? 0);
  });
});
