import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import {
  Background,
  BackgroundVariant,
  Panel,
  ReactFlow,
  useReactFlow,
  useStore,
  useStoreApi,
  type Connection,
  type EdgeChange,
  type FinalConnectionState,
  type NodeChange,
  type OnSelectionChangeParams,
  type ReactFlowState,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useT } from '../i18n/index.js';
import { FarZoomContext, isFar, NODE_TYPES_MAP } from './canvas-nodes.js';
import { EditorIcon } from './editor-icons.js';
import { FarSketch } from './far-sketch.js';
import { FlowMinimap } from './flow-minimap.js';
import { MAX_ZOOM, MIN_ZOOM, openingViewport, useFitFlow, type OpeningView } from './fit-flow.js';
import { NODE_FAMILY, type PaletteItem } from './node-catalog.js';
import { decodePaletteItem, PALETTE_DRAG_TYPE } from './node-palette.js';
import type { CanvasEdge, CanvasNode } from './projection.js';

const FAMILY_COLORS: Readonly<Record<string, string>> = {
  trigger: '#0f766e',
  message: '#2563eb',
  logic: '#7c3aed',
  timing: '#b45309',
  integration: '#475569',
  people: '#db2777',
  outcome: '#15803d',
};

function minimapColor(node: Pick<CanvasNode, 'data'>): string {
  return node.data.kind === 'trigger' ? (FAMILY_COLORS['trigger'] ?? '#0f766e') : (FAMILY_COLORS[NODE_FAMILY[node.data.node.type]] ?? '#525b68');
}

/** Edges are thin to click zoomed out anyway: no wide invisible twin per edge there. */
const NEAR_EDGE_OPTIONS = { interactionWidth: 16 };
const FAR_EDGE_OPTIONS = { interactionWidth: 0 };
const MULTI_SELECTION_KEYS = ['Shift', 'Meta', 'Control'];

const zoomPercent = (state: ReactFlowState) => Math.round(state.transform[2] * 100);

export interface FlowCanvasProps {
  readonly nodes: CanvasNode[];
  readonly edges: CanvasEdge[];
  readonly onNodesChange: (changes: NodeChange<CanvasNode>[]) => void;
  readonly onEdgesChange: (changes: EdgeChange<CanvasEdge>[]) => void;
  readonly readOnly: boolean;
  readonly onConnect: (connection: { source: string; sourceHandle: string; target: string }) => void;
  /** An existing connection dragged to another box (`to`), or dropped on nothing (`to` null: removed). */
  readonly onReconnect: (edge: CanvasEdge, to: { source: string; sourceHandle: string; target: string } | null) => void;
  /** A new connection dropped on empty canvas: offer to add a box there. */
  readonly onConnectToEmpty: (from: { source: string; sourceHandle: string }, screen: { x: number; y: number }) => void;
  readonly onDropItem: (item: PaletteItem, position: { x: number; y: number }) => void;
  readonly onSelectionChange: (nodeIds: string[], edgeIds: string[]) => void;
  /** A box (and the boxes selected with it) starts or stops being dragged. Stable across renders. */
  readonly onDragging: (dragging: boolean) => void;
  readonly onOpenNode: (id: string) => void;
  readonly onPaneClick: () => void;
  readonly empty: React.ReactNode;
}

function ZoomControls() {
  const t = useT();
  const flow = useReactFlow();
  const fitFlow = useFitFlow();
  const zoom = useStore(zoomPercent);
  return (
    <Panel position="bottom-left" className="canvas-controls">
      <button type="button" className="tool tool--icon" aria-label={t('editor.canvas.zoomOut')} title={t('editor.canvas.zoomOut')} onClick={() => void flow.zoomOut({ duration: 150 })}>
        <EditorIcon name="zoom-out" />
      </button>
      <span className="canvas-controls__zoom" aria-hidden="true">
        {zoom}%
      </span>
      <button type="button" className="tool tool--icon" aria-label={t('editor.canvas.zoomIn')} title={t('editor.canvas.zoomIn')} onClick={() => void flow.zoomIn({ duration: 150 })}>
        <EditorIcon name="zoom-in" />
      </button>
      <span className="tool-sep" aria-hidden="true" />
      <button type="button" className="tool tool--icon" aria-label={t('editor.canvas.fit')} title={`${t('editor.canvas.fit')} (Shift+1)`} onClick={() => fitFlow({ duration: 200 })}>
        <EditorIcon name="fit" />
      </button>
    </Panel>
  );
}

/**
 * The canvas: React Flow over the projection, controlled. Every change that means something
 * (a connection, a drop, the end of a drag) goes up as an intent; the editor turns it into an
 * operation. Built for big flows: memoized boxes, only visible elements rendered, simplified
 * boxes when zoomed out, no document copy while dragging.
 */
export function FlowCanvas(props: FlowCanvasProps) {
  const t = useT();
  const flow = useReactFlow<CanvasNode, CanvasEdge>();
  const far = useStore(isFar);
  const container = useRef<HTMLDivElement>(null);
  const store = useStoreApi<CanvasNode, CanvasEdge>();
  const fitFlow = useFitFlow();
  const [opening, setOpening] = useState<OpeningView | null>(null);
  const reconnecting = useRef<{ edge: CanvasEdge; done: boolean } | null>(null);
  const { onConnect, onReconnect, onConnectToEmpty, onDropItem, onSelectionChange, onOpenNode, onDragging } = props;

  const ariaLabelConfig = useMemo(
    () => ({
      'controls.zoomIn.ariaLabel': t('editor.canvas.zoomIn'),
      'controls.zoomOut.ariaLabel': t('editor.canvas.zoomOut'),
      'controls.fitView.ariaLabel': t('editor.canvas.fit'),
      'controls.interactive.ariaLabel': t('editor.canvas.lock'),
      'minimap.ariaLabel': t('editor.canvas.minimap'),
    }),
    [t],
  );

  const handleConnect = useCallback(
    (connection: Connection) => {
      if (connection.sourceHandle === null) return;
      onConnect({ source: connection.source, sourceHandle: connection.sourceHandle, target: connection.target });
    },
    [onConnect],
  );

  const handleConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid === true || state.fromHandle === null || state.fromHandle.type !== 'source' || state.fromHandle.id === null || state.fromHandle.id === undefined) return;
      const from = { source: state.fromHandle.nodeId, sourceHandle: state.fromHandle.id };
      if (state.toNode !== null) {
        // Dropped on a box but not on its input: connect to it anyway (the reducer says no to a
        // trigger or the box itself, with a reason).
        onConnect({ ...from, target: state.toNode.id });
        return;
      }
      const point = 'changedTouches' in event ? event.changedTouches[0] : event;
      if (point !== undefined) onConnectToEmpty(from, { x: point.clientX, y: point.clientY });
    },
    [onConnect, onConnectToEmpty],
  );

  // Everything handed to React Flow keeps its identity across renders: its node and edge
  // wrappers are memoized on their props (these callbacks among them), so a new function on
  // every render of the editor (every frame of a drag) re-rendered every box and connection.
  const handleReconnectStart = useCallback((_: unknown, edge: CanvasEdge) => {
    reconnecting.current = { edge, done: false };
  }, []);
  const handleReconnect = useCallback(
    (edge: CanvasEdge, connection: Connection) => {
      if (reconnecting.current !== null) reconnecting.current.done = true;
      if (connection.sourceHandle === null) return;
      onReconnect(edge, { source: connection.source, sourceHandle: connection.sourceHandle, target: connection.target });
    },
    [onReconnect],
  );
  const handleReconnectEnd = useCallback(
    (_: unknown, edge: CanvasEdge) => {
      const current = reconnecting.current;
      reconnecting.current = null;
      // Dropped away from any input: the connection is removed (undo brings it back).
      if (current !== null && !current.done) onReconnect(edge, null);
    },
    [onReconnect],
  );
  const handleNodeDoubleClick = useCallback((_: unknown, node: CanvasNode) => onOpenNode(node.id), [onOpenNode]);
  const handleDragStart = useCallback(() => onDragging(true), [onDragging]);
  const handleDragStop = useCallback(() => onDragging(false), [onDragging]);

  const handleSelection = useCallback(
    ({ nodes, edges }: OnSelectionChangeParams<CanvasNode, CanvasEdge>) => onSelectionChange(nodes.map((node) => node.id), edges.map((edge) => edge.id)),
    [onSelectionChange],
  );

  // The canvas's size, once, before React Flow's first render (it needs it for `opening`).
  const firstNodes = useRef(props.nodes);
  useLayoutEffect(() => {
    const box = container.current?.getBoundingClientRect();
    setOpening(openingViewport(firstNodes.current, { width: box?.width || 800, height: box?.height || 600 }));
  }, []);

  // A flow opened fitted was fitted by estimated sizes: fitted again once every box is measured
  // (they are all on screen, so all drawn), as React Flow's `fitView` prop did.
  const fittedOnOpening = opening?.fitted === true;
  useEffect(() => {
    if (!fittedOnOpening) return undefined;
    const measured = () => {
      for (const node of store.getState().nodeLookup.values()) if (node.measured.width === undefined && node.hidden !== true) return false;
      return true;
    };
    if (measured()) {
      fitFlow();
      return undefined;
    }
    const unsubscribe = store.subscribe(() => {
      if (!measured()) return;
      unsubscribe();
      fitFlow();
    });
    // A box that never gets measured (hidden by CSS) does not hold the listener forever.
    const timer = setTimeout(unsubscribe, 5_000);
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [fittedOnOpening, fitFlow, store]);

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const item = decodePaletteItem(event.dataTransfer.getData(PALETTE_DRAG_TYPE));
      if (item === null) return;
      event.preventDefault();
      const position = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      // The pointer holds the box by its header, not its corner.
      onDropItem(item, { x: Math.round(position.x - 40), y: Math.round(position.y - 20) });
    },
    [flow, onDropItem],
  );

  return (
    <div ref={container} className={far ? 'editor-canvas editor-canvas--far' : 'editor-canvas'} onDragOver={onDragOver} onDrop={onDrop}>
      {opening !== null && (
        <FarZoomContext value={far}>
          <ReactFlow<CanvasNode, CanvasEdge>
            nodes={props.nodes}
            edges={props.edges}
            nodeTypes={NODE_TYPES_MAP}
            onNodesChange={props.onNodesChange}
            onEdgesChange={props.onEdgesChange}
            onConnect={handleConnect}
            onConnectEnd={handleConnectEnd}
            // Zoomed out, a connection's ends are not grabbed (their 10-unit targets are a pixel or
            // three wide there): two fewer SVG circles per connection, 2,000 on a big flow at fit.
            edgesReconnectable={!props.readOnly && !far}
            onReconnectStart={handleReconnectStart}
            onReconnect={handleReconnect}
            onReconnectEnd={handleReconnectEnd}
            onSelectionChange={handleSelection}
            onNodeDoubleClick={handleNodeDoubleClick}
            onNodeDragStart={handleDragStart}
            onNodeDragStop={handleDragStop}
            onPaneClick={props.onPaneClick}
            nodesDraggable={!props.readOnly}
            nodesConnectable={!props.readOnly}
            deleteKeyCode={null}
            selectionKeyCode="Shift"
            multiSelectionKeyCode={MULTI_SELECTION_KEYS}
            onlyRenderVisibleElements
            minZoom={MIN_ZOOM}
            maxZoom={MAX_ZOOM}
            defaultViewport={opening.viewport}
            defaultEdgeOptions={far ? FAR_EDGE_OPTIONS : NEAR_EDGE_OPTIONS}
            connectionRadius={28}
            ariaLabelConfig={ariaLabelConfig}
            aria-label={t('editor.canvas.label')}
          >
            {/* Zoomed out, the dots would be a pixel apart: a grey haze that costs a full repaint per frame. */}
            {far && <FarSketch colorOf={minimapColor} />}
            {!far && <Background variant={BackgroundVariant.Dots} gap={20} size={1.3} color="#c3c9d1" />}
            <FlowMinimap colorOf={minimapColor} label={t('editor.canvas.minimap')} />
            <ZoomControls />
            {props.empty}
          </ReactFlow>
        </FarZoomContext>
      )}
    </div>
  );
}
