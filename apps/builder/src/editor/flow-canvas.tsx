import { useCallback, useMemo, useRef, type DragEvent } from 'react';
import {
  Background,
  BackgroundVariant,
  MiniMap,
  Panel,
  ReactFlow,
  useReactFlow,
  useStore,
  type Connection,
  type EdgeChange,
  type FinalConnectionState,
  type NodeChange,
  type OnSelectionChangeParams,
  type ReactFlowState,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useT } from '../i18n/index.js';
import { NODE_TYPES_MAP } from './canvas-nodes.js';
import { EditorIcon } from './editor-icons.js';
import { NODE_FAMILY, type PaletteItem } from './node-catalog.js';
import { decodePaletteItem, PALETTE_DRAG_TYPE } from './node-palette.js';
import type { CanvasEdge, CanvasNode } from './projection.js';

/** Below this zoom the words on boxes are too small to read: boxes draw simplified. */
export const FAR_ZOOM = 0.35;

const FAMILY_COLORS: Readonly<Record<string, string>> = {
  trigger: '#0f766e',
  message: '#2563eb',
  logic: '#7c3aed',
  timing: '#b45309',
  integration: '#475569',
  people: '#db2777',
  outcome: '#15803d',
};

function minimapColor(node: CanvasNode): string {
  return node.data.kind === 'trigger' ? (FAMILY_COLORS['trigger'] ?? '#0f766e') : (FAMILY_COLORS[NODE_FAMILY[node.data.node.type]] ?? '#525b68');
}

const isFar = (state: ReactFlowState) => state.transform[2] < FAR_ZOOM;
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
  readonly onOpenNode: (id: string) => void;
  readonly onPaneClick: () => void;
  readonly empty: React.ReactNode;
}

function ZoomControls() {
  const t = useT();
  const flow = useReactFlow();
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
      <button type="button" className="tool tool--icon" aria-label={t('editor.canvas.fit')} title={`${t('editor.canvas.fit')} (Shift+1)`} onClick={() => void flow.fitView({ padding: 0.15, duration: 200, maxZoom: 1 })}>
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
  const reconnecting = useRef<{ edge: CanvasEdge; done: boolean } | null>(null);
  const { onConnect, onReconnect, onConnectToEmpty, onDropItem, onSelectionChange, onOpenNode } = props;

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

  const handleSelection = useCallback(
    ({ nodes, edges }: OnSelectionChangeParams<CanvasNode, CanvasEdge>) => onSelectionChange(nodes.map((node) => node.id), edges.map((edge) => edge.id)),
    [onSelectionChange],
  );

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
    <div className={far ? 'editor-canvas editor-canvas--far' : 'editor-canvas'} onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow<CanvasNode, CanvasEdge>
        nodes={props.nodes}
        edges={props.edges}
        nodeTypes={NODE_TYPES_MAP}
        onNodesChange={props.onNodesChange}
        onEdgesChange={props.onEdgesChange}
        onConnect={handleConnect}
        onConnectEnd={handleConnectEnd}
        edgesReconnectable={!props.readOnly}
        onReconnectStart={(_, edge) => {
          reconnecting.current = { edge, done: false };
        }}
        onReconnect={(edge, connection) => {
          if (reconnecting.current !== null) reconnecting.current.done = true;
          if (connection.sourceHandle === null) return;
          onReconnect(edge, { source: connection.source, sourceHandle: connection.sourceHandle, target: connection.target });
        }}
        onReconnectEnd={(_, edge) => {
          const current = reconnecting.current;
          reconnecting.current = null;
          // Dropped away from any input: the connection is removed (undo brings it back).
          if (current !== null && !current.done) onReconnect(edge, null);
        }}
        onSelectionChange={handleSelection}
        onNodeDoubleClick={(_, node) => onOpenNode(node.id)}
        onPaneClick={props.onPaneClick}
        nodesDraggable={!props.readOnly}
        nodesConnectable={!props.readOnly}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        onlyRenderVisibleElements
        minZoom={0.08}
        maxZoom={2}
        fitView
        fitViewOptions={{ padding: 0.15, maxZoom: 1 }}
        defaultEdgeOptions={{ interactionWidth: 16 }}
        connectionRadius={28}
        ariaLabelConfig={ariaLabelConfig}
        aria-label={t('editor.canvas.label')}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.3} color="#c3c9d1" />
        <MiniMap<CanvasNode> pannable zoomable nodeColor={minimapColor} nodeStrokeWidth={0} nodeBorderRadius={6} maskColor="rgb(246 247 249 / 0.72)" position="bottom-right" />
        <ZoomControls />
        {props.empty}
      </ReactFlow>
    </div>
  );
}
