import { useCallback, useMemo, useRef, type PointerEvent as ReactPointerEvent, type WheelEvent as ReactWheelEvent } from 'react';
import { Panel, useReactFlow, useStore, type ReactFlowState } from '@xyflow/react';
import type { CanvasEdge, CanvasNode } from './projection.js';

const WIDTH = 200;
const HEIGHT = 150;
const MASK_COLOR = 'rgb(246 247 249 / 0.72)';

/** A box's rectangle as an SVG path piece (one path per colour draws every box of that colour). */
function rectPath(node: CanvasNode): string {
  const width = node.measured?.width ?? node.initialWidth ?? 0;
  const height = node.measured?.height ?? node.initialHeight ?? 0;
  return `M${String(node.position.x)} ${String(node.position.y)}h${String(width)}v${String(height)}h${String(-width)}z`;
}

export interface BoxPaths {
  /** Colour → the path of every box of that colour. */
  readonly paths: ReadonlyMap<string, string>;
  readonly bounds: { x: number; y: number; width: number; height: number } | null;
}

/**
 * The boxes as a few paths, one per colour. A box's piece is cached on its node object, which
 * the canvas state keeps for every box that did not change: a drag frame recomputes the moved
 * box's piece only, and joins the strings (a fraction of a millisecond for 1,000 boxes).
 */
export function boxPaths(nodes: readonly CanvasNode[], colorOf: (node: CanvasNode) => string, cache: WeakMap<CanvasNode, { color: string; d: string }>): BoxPaths {
  const pieces = new Map<string, string[]>();
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const node of nodes) {
    if (node.hidden === true) continue;
    let piece = cache.get(node);
    if (piece === undefined) {
      piece = { color: colorOf(node), d: rectPath(node) };
      cache.set(node, piece);
    }
    const list = pieces.get(piece.color);
    if (list === undefined) pieces.set(piece.color, [piece.d]);
    else list.push(piece.d);
    left = Math.min(left, node.position.x);
    top = Math.min(top, node.position.y);
    right = Math.max(right, node.position.x + (node.measured?.width ?? node.initialWidth ?? 0));
    bottom = Math.max(bottom, node.position.y + (node.measured?.height ?? node.initialHeight ?? 0));
  }
  const paths = new Map([...pieces].map(([color, list]) => [color, list.join('')]));
  return { paths, bounds: left === Infinity ? null : { x: left, y: top, width: right - left, height: bottom - top } };
}

// The canvas's boxes are CanvasNodes (React Flow's store is typed by its plain Node).
const selectNodes = (state: ReactFlowState) => state.nodes as CanvasNode[];
const selectView = (state: ReactFlowState) => {
  const [x, y, zoom] = state.transform;
  return `${String(-x / zoom)} ${String(-y / zoom)} ${String(state.width / zoom)} ${String(state.height / zoom)}`;
};

export interface FlowMinimapProps {
  readonly colorOf: (node: CanvasNode) => string;
  readonly label: string;
}

/**
 * The overview in the corner: every box as a coloured rectangle, the part on screen unmasked.
 * React Flow's MiniMap draws a component per box, each with its own store subscription: on a
 * 1,000-box flow that was 1,000 elements to draw on opening and 1,000 selectors run on every
 * frame of a drag. This one draws a path per colour and re-renders once per store change.
 * Click or drag in it to move the view there; the wheel zooms.
 */
export function FlowMinimap({ colorOf, label }: FlowMinimapProps) {
  const nodes = useStore(selectNodes);
  const view = useStore(selectView);
  const flow = useReactFlow<CanvasNode, CanvasEdge>();
  const cache = useRef(new WeakMap<CanvasNode, { color: string; d: string }>()).current;
  const svg = useRef<SVGSVGElement>(null);
  const { paths, bounds } = useMemo(() => boxPaths(nodes, colorOf, cache), [nodes, colorOf, cache]);

  const [vx = 0, vy = 0, vw = 0, vh = 0] = view.split(' ').map(Number);
  // What the minimap shows: the boxes and the view, scaled to fit it, as React Flow's does.
  const left = Math.min(bounds?.x ?? vx, vx);
  const top = Math.min(bounds?.y ?? vy, vy);
  const width = Math.max((bounds?.x ?? vx) + (bounds?.width ?? 0), vx + vw) - left;
  const height = Math.max((bounds?.y ?? vy) + (bounds?.height ?? 0), vy + vh) - top;
  const scale = Math.max(width / WIDTH, height / HEIGHT) || 1;
  const viewWidth = scale * WIDTH;
  const viewHeight = scale * HEIGHT;
  const offset = 5 * scale;
  const x = left - (viewWidth - width) / 2 - offset;
  const y = top - (viewHeight - height) / 2 - offset;
  const boxWidth = viewWidth + offset * 2;
  const boxHeight = viewHeight + offset * 2;

  const moveTo = useCallback(
    (event: ReactPointerEvent<SVGSVGElement>) => {
      const element = svg.current;
      const matrix = element?.getScreenCTM()?.inverse();
      if (element === null || matrix === undefined) return;
      const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix);
      void flow.setCenter(point.x, point.y, { zoom: flow.getZoom() });
    },
    [flow],
  );
  const onPointerDown = useCallback(
    (event: ReactPointerEvent<SVGSVGElement>) => {
      event.currentTarget.setPointerCapture(event.pointerId);
      moveTo(event);
    },
    [moveTo],
  );
  const onPointerMove = useCallback(
    (event: ReactPointerEvent<SVGSVGElement>) => {
      if (event.currentTarget.hasPointerCapture(event.pointerId)) moveTo(event);
    },
    [moveTo],
  );
  const onWheel = useCallback(
    (event: ReactWheelEvent<SVGSVGElement>) => {
      void flow.zoomTo(flow.getZoom() * Math.pow(2, -event.deltaY * 0.002));
    },
    [flow],
  );

  return (
    <Panel position="bottom-right" className="react-flow__minimap canvas-minimap">
      <svg
        ref={svg}
        width={WIDTH}
        height={HEIGHT}
        viewBox={`${String(x)} ${String(y)} ${String(boxWidth)} ${String(boxHeight)}`}
        className="react-flow__minimap-svg"
        role="img"
        aria-label={label}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onWheel={onWheel}
      >
        {[...paths].map(([color, d]) => (
          <path key={color} d={d} fill={color} />
        ))}
        <path
          className="react-flow__minimap-mask"
          d={`M${String(x - offset)},${String(y - offset)}h${String(boxWidth + offset * 2)}v${String(boxHeight + offset * 2)}h${String(-boxWidth - offset * 2)}z M${String(vx)},${String(vy)}h${String(vw)}v${String(vh)}h${String(-vw)}z`}
          fill={MASK_COLOR}
          fillRule="evenodd"
          pointerEvents="none"
        />
      </svg>
    </Panel>
  );
}
