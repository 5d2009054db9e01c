import type { FlowDocument, FlowNode } from '@jornada/flow-engine';
import { OPENING_LEFT, openingViewport, READABLE_FIT_ZOOM } from './fit-flow.js';
import { createProjector } from './projection.js';
import { templateDocument } from './test-documents.js';

const SCREEN = { width: 1200, height: 800 };

/** A flow of `count` boxes on a grid, 32 a row, after one trigger (like the benchmark's). */
function gridFlow(count: number): FlowDocument {
  const base = templateDocument('cart-recovery');
  const nodes: FlowNode[] = Array.from({ length: count }, (_, i) => ({ id: `n${String(i)}`, type: 'end', data: {} }));
  const positions: Record<string, { x: number; y: number }> = {};
  nodes.forEach((node, i) => (positions[node.id] = { x: (i % 32) * 320, y: Math.floor(i / 32) * 200 }));
  const [trigger] = base.triggers;
  if (trigger === undefined) throw new Error('template without a trigger');
  positions[trigger.id] = { x: -320, y: 400 };
  return { ...base, triggers: [trigger], nodes, edges: [], ui: { ...base.ui, positions } };
}

describe('openingViewport', () => {
  it('opens a flow small enough to read whole fitted to the canvas, from the estimated sizes', () => {
    const nodes = createProjector()(templateDocument('cart-recovery')).nodes;
    const { viewport, fitted } = openingViewport(nodes, SCREEN);
    expect(fitted).toBe(true);
    expect(viewport.zoom).toBeGreaterThanOrEqual(READABLE_FIT_ZOOM);
    for (const node of nodes) {
      expect(node.position.x * viewport.zoom + viewport.x).toBeGreaterThanOrEqual(0);
      expect(node.position.y * viewport.zoom + viewport.y).toBeGreaterThanOrEqual(0);
      expect((node.position.x + (node.initialWidth ?? 0)) * viewport.zoom + viewport.x).toBeLessThanOrEqual(SCREEN.width);
      expect((node.position.y + (node.initialHeight ?? 0)) * viewport.zoom + viewport.y).toBeLessThanOrEqual(SCREEN.height);
    }
  });

  it('opens a flow too big to read whole at zoom 1 on its trigger: 64 px from the left, centred vertically', () => {
    const nodes = createProjector()(gridFlow(300)).nodes;
    const { viewport, fitted } = openingViewport(nodes, SCREEN);
    expect(fitted).toBe(false);
    expect(viewport.zoom).toBe(1);
    const trigger = nodes.find((node) => node.type === 'trigger');
    if (trigger === undefined) throw new Error('no trigger');
    expect(trigger.position.x + viewport.x).toBe(OPENING_LEFT);
    const middle = trigger.position.y + (trigger.initialHeight ?? 0) / 2 + viewport.y;
    expect(middle).toBeCloseTo(SCREEN.height / 2, 6);
  });

  it('opens an empty flow at zoom 1 at the origin', () => {
    expect(openingViewport([], SCREEN)).toEqual({ viewport: { x: 0, y: 0, zoom: 1 }, fitted: true });
  });
});
