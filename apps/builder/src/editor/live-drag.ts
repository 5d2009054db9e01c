import type { InternalNode, NodeChange, NodePositionChange, NodeSelectionChange, ReactFlowState, XYPosition } from '@xyflow/react';
import type { CanvasEdge, CanvasNode } from './projection.js';

/** What `moveInStore` needs of React Flow's store (`useStoreApi`'s answer). */
export interface CanvasStoreApi {
  readonly getState: () => ReactFlowState<CanvasNode, CanvasEdge>;
  readonly setState: (partial: Partial<ReactFlowState<CanvasNode, CanvasEdge>>) => void;
}

/** A frame of a drag: a box's position while the button is still down. */
export type LiveMove = NodePositionChange & { readonly position: XYPosition; readonly dragging: true };

export function isLiveMove(change: NodeChange<CanvasNode>): change is LiveMove {
  return change.type === 'position' && change.dragging === true && change.position !== undefined;
}

/**
 * A drag frame, uncontrolled: the dragged boxes move in React Flow's own store and nowhere else.
 * React Flow takes a controlled canvas's nodes back only through its `nodes` prop, and re-adopts
 * every node each time it changes (`setNodes`: 1,000 boxes copied into its lookup, about 1.2 ms
 * on the benchmark's flow), after the editor and the canvas have re-rendered. Here a frame
 * replaces the dragged boxes' entries in the node lookup (what boxes, connections and culling
 * read) and in `nodes` (what `getNodes()` and the overview read), and notifies the store's
 * subscribers, as React Flow itself does when it measures boxes. The entries keep the node
 * object React Flow was given (`internals.userNode`): if the canvas hands it the same box again
 * during the drag, React Flow keeps the moved entry. When the drag ends, React Flow's last
 * change (`dragging: false`) goes through the canvas state as before: one `move` operation.
 *
 * Positions are absolute here: the editor's boxes have no parent and React Flow's default node
 * origin (top left). A box with a parent is not taken; the answer lists the moves not taken.
 */
export function moveInStore(store: CanvasStoreApi, moves: readonly LiveMove[]): LiveMove[] {
  const { nodeLookup, nodes, nodeOrigin } = store.getState();
  const topLeft = nodeOrigin[0] === 0 && nodeOrigin[1] === 0;
  const moved = new Map<string, XYPosition>();
  const refused: LiveMove[] = [];
  for (const move of moves) {
    const node = nodeLookup.get(move.id);
    if (node === undefined || node.parentId !== undefined || node.origin !== undefined || !topLeft) {
      refused.push(move);
      continue;
    }
    const position = { x: move.position.x, y: move.position.y };
    const entry = { ...node, position, dragging: true, internals: { ...node.internals, positionAbsolute: position } } as InternalNode<CanvasNode>;
    nodeLookup.set(move.id, entry);
    moved.set(move.id, position);
  }
  if (moved.size > 0) {
    const next = nodes.map((node) => {
      const position = moved.get(node.id);
      return position === undefined ? node : ({ ...node, position, dragging: true } as CanvasNode);
    });
    store.setState({ nodes: next });
  }
  return refused;
}

/** How far React Flow raises a selected box (`elevateNodesOnSelect`): its SELECTED_NODE_Z. */
const SELECTED_Z = 1000;

/**
 * A selection change, uncontrolled: the boxes React Flow selected or unselected (a click, the
 * press that starts a drag, a shift-click, a selection rectangle) take their new state in React
 * Flow's own store at once, and the canvas state takes it in later (`useCanvasState`). Through the
 * controlled canvas, the press that starts a drag re-rendered the editor and made React Flow
 * re-adopt its 1,000 boxes in the drag's first frame. Here the boxes' lookup entries are replaced
 * (selected, and raised the way React Flow raises a selected box) and so are they in `nodes`,
 * with one store notification: the box redraws selected, the selection listener tells the editor.
 * Each entry keeps the node object React Flow was given (`internals.userNode`), so if the canvas
 * hands it the same box again, React Flow keeps the entry. A box with a parent is not taken (its
 * height in the stack depends on its parent's); the answer lists the changes not taken.
 */
export function selectInStore(store: CanvasStoreApi, changes: readonly NodeSelectionChange[]): NodeSelectionChange[] {
  const { nodeLookup, nodes, elevateNodesOnSelect, zIndexMode } = store.getState();
  const raise = elevateNodesOnSelect && zIndexMode !== 'manual' ? SELECTED_Z : 0;
  const selected = new Map<string, boolean>();
  const refused: NodeSelectionChange[] = [];
  for (const change of changes) {
    const node = nodeLookup.get(change.id);
    if (node === undefined || node.parentId !== undefined) {
      refused.push(change);
      continue;
    }
    // Always a new entry, even when the flag already reads right: React Flow's selection
    // rectangle sets the flag on the entries itself before reporting the change.
    const base = typeof node.internals.userNode.zIndex === 'number' ? node.internals.userNode.zIndex : 0;
    const z = zIndexMode === 'manual' ? node.internals.z : base + (change.selected ? raise : 0);
    nodeLookup.set(change.id, { ...node, selected: change.selected, internals: { ...node.internals, z } } as InternalNode<CanvasNode>);
    selected.set(change.id, change.selected);
  }
  if (selected.size > 0) {
    const next = nodes.map((node) => {
      const flag = selected.get(node.id);
      return flag === undefined ? node : ({ ...node, selected: flag } as CanvasNode);
    });
    store.setState({ nodes: next });
  }
  return refused;
}

/** The boxes and connections selected on the canvas now, as React Flow's store has them. */
export function selectionInStore(store: CanvasStoreApi): { readonly nodeIds: string[]; readonly edgeIds: string[] } {
  const { nodeLookup, edgeLookup } = store.getState();
  const nodeIds: string[] = [];
  const edgeIds: string[] = [];
  for (const [id, node] of nodeLookup) if (node.selected === true) nodeIds.push(id);
  for (const [id, edge] of edgeLookup) if (edge.selected === true) edgeIds.push(id);
  return { nodeIds, edgeIds };
}
