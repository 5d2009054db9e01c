import { useCallback } from 'react';
import { getViewportForBounds, useReactFlow, useStoreApi, type Rect, type Viewport } from '@xyflow/react';
import type { CanvasEdge, CanvasNode } from './projection.js';

/** Low enough to fit a flow 32 boxes wide (the benchmark's) beside the palette and the inspector. */
export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = 2;
export const FIT_OPTIONS = { padding: 0.15, maxZoom: 1 };
/**
 * A flow whose fit would be below this zoom is too big to read seen whole (a box's type is some
 * 3 px tall): it opens at zoom 1 on its triggers instead.
 */
export const READABLE_FIT_ZOOM = 0.25;
/** Where a big flow's triggers open: this far from the canvas's left edge. */
export const OPENING_LEFT = 64;

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The rectangle around these boxes; null without any. */
export function boundsOf(boxes: Iterable<Box>): Rect | null {
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const box of boxes) {
    left = Math.min(left, box.x);
    top = Math.min(top, box.y);
    right = Math.max(right, box.x + box.width);
    bottom = Math.max(bottom, box.y + box.height);
  }
  return left === Infinity ? null : { x: left, y: top, width: right - left, height: bottom - top };
}

/** The viewport that shows `bounds` whole on a canvas of `size`, as zoom-to-fit does. */
export function fitViewport(bounds: Rect, size: { width: number; height: number }, minZoom = MIN_ZOOM): Viewport {
  return getViewportForBounds(bounds, size.width, size.height, minZoom, FIT_OPTIONS.maxZoom, FIT_OPTIONS.padding);
}

/** A box as the projection hands it over: its position and estimated size. */
function estimatedBox(node: CanvasNode): Box {
  return { x: node.position.x, y: node.position.y, width: node.measured?.width ?? node.initialWidth ?? 0, height: node.measured?.height ?? node.initialHeight ?? 0 };
}

export interface OpeningView {
  readonly viewport: Viewport;
  /** True when the whole flow is in view (a flow small enough to read whole). */
  readonly fitted: boolean;
}

/**
 * Where the editor opens, before anything is measured (from the boxes' estimated sizes). A flow
 * readable when seen whole opens fitted to the canvas. A bigger one (its fit would be under
 * READABLE_FIT_ZOOM) opens at zoom 1 on its triggers, where its journey starts: their left edge
 * OPENING_LEFT px from the canvas's left, centred on them vertically. Drawing a whole big flow
 * is also what made it slow to open: at zoom 1 only the boxes on screen are drawn.
 */
export function openingViewport(nodes: readonly CanvasNode[], size: { width: number; height: number }): OpeningView {
  const bounds = boundsOf(nodes.map(estimatedBox));
  if (bounds === null) return { viewport: { x: 0, y: 0, zoom: 1 }, fitted: true };
  const fit = fitViewport(bounds, size, 0);
  if (fit.zoom >= READABLE_FIT_ZOOM) return { viewport: fit, fitted: true };
  const triggers = nodes.filter((node) => node.type === 'trigger');
  // Without a trigger, the box furthest left (then highest) stands in for it.
  const start =
    triggers.length > 0 ? triggers : [...nodes].sort((a, b) => a.position.x - b.position.x || a.position.y - b.position.y).slice(0, 1);
  const around = boundsOf(start.map(estimatedBox)) ?? bounds;
  return { viewport: { x: OPENING_LEFT - around.x, y: size.height / 2 - (around.y + around.height / 2), zoom: 1 }, fitted: false };
}

/**
 * Zoom-to-fit for the toolbar button, Shift+1 and after a tidy-up: the whole flow, from the
 * measured size of every box drawn so far and the estimate of the others. React Flow's own
 * `fitView` counts only measured boxes, and with `onlyRenderVisibleElements` and estimated
 * sizes a box off screen is never drawn, so it would fit just the boxes seen so far.
 */
export function useFitFlow(): (options?: { duration?: number }) => void {
  const store = useStoreApi<CanvasNode, CanvasEdge>();
  const { setViewport } = useReactFlow<CanvasNode, CanvasEdge>();
  return useCallback(
    ({ duration }: { duration?: number } = {}) => {
      const { nodeLookup, width, height, minZoom } = store.getState();
      const boxes: Box[] = [];
      for (const node of nodeLookup.values()) {
        if (node.hidden === true) continue;
        const { x, y } = node.internals.positionAbsolute;
        boxes.push({ x, y, width: node.measured.width ?? node.initialWidth ?? 0, height: node.measured.height ?? node.initialHeight ?? 0 });
      }
      const bounds = boundsOf(boxes);
      if (bounds === null || width === 0 || height === 0) return;
      void setViewport(fitViewport(bounds, { width, height }, minZoom), duration === undefined ? undefined : { duration });
    },
    [setViewport, store],
  );
}
