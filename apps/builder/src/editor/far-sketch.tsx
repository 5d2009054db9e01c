import { useLayoutEffect, useRef } from 'react';
import { getBezierPath, Position, useStore, useStoreApi, ViewportPortal, type InternalNode, type ReactFlowState } from '@xyflow/react';
import type { CanvasEdge, CanvasNode } from './projection.js';

/** Beyond this many pixels a side the bitmap is scaled down (memory, and time to draw). */
const MAX_BITMAP_SIDE = 4096;

export interface FarSketchProps {
  /** A box's colour: its family's. */
  readonly colorOf: (node: Pick<CanvasNode, 'data'>) => string;
}

const panning = (state: ReactFlowState) => state.paneDragging;

function handleCentre(node: InternalNode<CanvasNode>, type: 'source' | 'target', id: string | null | undefined): { x: number; y: number } {
  const { x, y } = node.internals.positionAbsolute;
  const handles = node.internals.handleBounds?.[type] ?? [];
  const handle = handles.find((h) => id === undefined || id === null || h.id === id) ?? handles[0];
  if (handle === undefined) return { x: type === 'source' ? x + (node.measured.width ?? 0) : x, y: y + 28 };
  return { x: x + handle.x + handle.width / 2, y: y + handle.y + handle.height / 2 };
}

/**
 * The whole flow drawn on one canvas, shown instead of the boxes and connections while a
 * zoomed-out canvas is panned. A thousand boxes are some ten thousand elements, each its own
 * paint chunk, and Chromium re-layerizes all of them on every frame of a pan whose viewport is
 * scaled (tens of milliseconds a frame); one canvas is one chunk. It is drawn once when the pan
 * starts, from React Flow's measured boxes and handles, so it matches what it stands in for.
 */
export function FarSketch({ colorOf }: FarSketchProps) {
  const active = useStore(panning);
  const canvas = useRef<HTMLCanvasElement>(null);
  const api = useStoreApi<CanvasNode, CanvasEdge>();

  // Drawn once per pan, from the state when it starts: a pan moves the viewport, nothing else.
  useLayoutEffect(() => {
    const element = canvas.current;
    if (!active || element === null) return;
    const store = api.getState();
    const nodes = [...store.nodeLookup.values()];
    if (nodes.length === 0) return;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const node of nodes) {
      const { x, y } = node.internals.positionAbsolute;
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x + (node.measured.width ?? 0));
      maxY = Math.max(maxY, y + (node.measured.height ?? 0));
    }
    // Margin for the edges' curves, which bulge past the boxes.
    minX -= 200;
    minY -= 200;
    maxX += 200;
    maxY += 200;
    const width = maxX - minX;
    const height = maxY - minY;
    const zoom = store.transform[2];
    const scale = Math.min(zoom * window.devicePixelRatio, MAX_BITMAP_SIDE / width, MAX_BITMAP_SIDE / height);
    element.width = Math.max(1, Math.round(width * scale));
    element.height = Math.max(1, Math.round(height * scale));
    element.style.left = `${String(minX)}px`;
    element.style.top = `${String(minY)}px`;
    element.style.width = `${String(width)}px`;
    element.style.height = `${String(height)}px`;
    const context = element.getContext('2d');
    if (context === null) return;
    context.setTransform(scale, 0, 0, scale, -minX * scale, -minY * scale);

    const edges = store.edges;
    context.lineWidth = 2;
    context.strokeStyle = '#9aa3ae';
    context.beginPath();
    for (const edge of edges) {
      const source = store.nodeLookup.get(edge.source);
      const target = store.nodeLookup.get(edge.target);
      if (source === undefined || target === undefined) continue;
      const from = handleCentre(source, 'source', edge.sourceHandle);
      const to = handleCentre(target, 'target', edge.targetHandle);
      const [path] = getBezierPath({ sourceX: from.x, sourceY: from.y, sourcePosition: Position.Right, targetX: to.x, targetY: to.y, targetPosition: Position.Left });
      context.stroke(new Path2D(path));
    }

    for (const node of nodes) {
      const { x, y } = node.internals.positionAbsolute;
      const color = colorOf(node);
      context.fillStyle = node.selected === true ? '#ccfbf1' : node.type === 'trigger' ? color : `${color}22`;
      context.strokeStyle = node.selected === true ? '#0d9488' : color;
      context.lineWidth = 2;
      context.beginPath();
      context.roundRect(x, y, node.measured.width ?? 0, node.measured.height ?? 0, 8);
      context.fill();
      context.stroke();
    }
  }, [active, api, colorOf]);

  return (
    <ViewportPortal>
      <canvas ref={canvas} className="far-sketch" hidden={!active} aria-hidden="true" />
    </ViewportPortal>
  );
}
