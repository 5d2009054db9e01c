import { startTransition, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { applyEdgeChanges, applyNodeChanges, type EdgeChange, type NodeChange, type NodeSelectionChange } from '@xyflow/react';
import type { CanvasPoint } from '@jornada/flow-engine';
import { isLiveMove, type LiveMove } from './live-drag.js';
import type { CanvasEdge, CanvasNode, Projection } from './projection.js';

/**
 * A box React Flow has measured, without its estimated handles: React Flow re-reads `handles`
 * from every new node object it is given, and would put the estimate back over the handles it
 * measured (connections would then end where the estimate said, not on the drawn handle).
 * Without them it keeps the measured ones.
 */
export function withoutEstimate(node: CanvasNode): CanvasNode {
  if (node.measured === undefined || node.handles === undefined) return node;
  const { handles: _estimate, ...rest } = node;
  return rest as CanvasNode;
}

/**
 * Merges a new projection into what React Flow holds: a box whose projection did not change
 * keeps its object (React Flow skips it); a changed one takes the projection and keeps its
 * view state (selected, measured size). Positions come from the document; a box being dragged
 * right now takes its place in the drag from `withLive`.
 */
export function mergeNodes(projected: readonly CanvasNode[], previous: readonly CanvasNode[], origin: WeakMap<object, object>): CanvasNode[] {
  const byId = new Map(previous.map((node) => [node.id, node]));
  return projected.map((node) => {
    const prev = byId.get(node.id);
    if (prev === undefined) {
      origin.set(node, node);
      return node;
    }
    if (origin.get(prev) === node) return prev;
    const merged = withoutEstimate({
      ...node,
      ...(prev.selected === true ? { selected: true } : {}),
      ...(prev.measured === undefined ? {} : { measured: prev.measured }),
    } as CanvasNode);
    origin.set(merged, node);
    return merged;
  });
}

/** A box of the drag in progress (`drop` undefined), or of a drop this state has not taken in yet. */
export interface LiveBox {
  readonly position: CanvasPoint;
  /** The drop's number, once the box is dropped. */
  readonly drop?: number;
}

/** A box selected or unselected in React Flow's store that this state has not taken in yet. */
export interface PickedBox {
  readonly selected: boolean;
  /** The pick's number: the state has it once its `picks` reaches it. */
  readonly pick: number;
}

/**
 * The boxes being dragged, where the drag has them, and the boxes selected in React Flow's store
 * and not yet here. React Flow holds a dragged box's position in its own store during the gesture
 * (`moveInStore`), and a new selection too (`selectInStore`); a box the canvas hands it anew
 * meanwhile (measured, re-decorated by the lint) would be put back where the document has it, as
 * selected as this state last knew. The nodes handed to React Flow carry the drag's positions, a
 * dropped box its drop's position until this state has taken the drop in (`drops`, the number of
 * the last drop it has), and a picked box its selection until this state has the pick (`picks`).
 */
export function withLive(
  nodes: CanvasNode[],
  live: ReadonlyMap<string, LiveBox>,
  drops: number,
  picked: ReadonlyMap<string, PickedBox> = new Map(),
  picks = 0,
): CanvasNode[] {
  if (live.size === 0 && picked.size === 0) return nodes;
  return nodes.map((node) => {
    const box = live.get(node.id);
    const moved = box !== undefined && (box.drop === undefined || box.drop > drops);
    const pick = picked.get(node.id);
    const selected = pick !== undefined && pick.pick > picks && pick.selected !== (node.selected === true) ? pick.selected : undefined;
    if (!moved && selected === undefined) return node;
    return {
      ...node,
      ...(moved ? { position: box.position, dragging: box.drop === undefined } : {}),
      ...(selected === undefined ? {} : { selected }),
    } as CanvasNode;
  });
}

/** The nodes with the given picks' selection (the ones after `since`). */
function withPicks(nodes: CanvasNode[], picked: ReadonlyMap<string, PickedBox>, since: number, origin: WeakMap<object, object>): CanvasNode[] {
  if (picked.size === 0) return nodes;
  return nodes.map((node) => {
    const pick = picked.get(node.id);
    if (pick === undefined || pick.pick <= since || pick.selected === (node.selected === true)) return node;
    const next = { ...node, selected: pick.selected } as CanvasNode;
    const source = origin.get(node);
    if (source !== undefined) origin.set(next, source);
    return next;
  });
}

export function mergeEdges(projected: readonly CanvasEdge[], previous: readonly CanvasEdge[], origin: WeakMap<object, object>): CanvasEdge[] {
  const byId = new Map(previous.map((edge) => [edge.id, edge]));
  return projected.map((edge) => {
    const prev = byId.get(edge.id);
    if (prev === undefined) return edge;
    if (origin.get(prev) === edge) return prev;
    const merged: CanvasEdge = prev.selected === true ? { ...edge, selected: true } : edge;
    origin.set(merged, edge);
    return merged;
  });
}

export interface CanvasState {
  readonly nodes: CanvasNode[];
  readonly edges: CanvasEdge[];
  readonly onNodesChange: (changes: NodeChange<CanvasNode>[]) => void;
  readonly onEdgesChange: (changes: EdgeChange<CanvasEdge>[]) => void;
  /** Selects exactly these boxes (and no edge). Stable across renders. */
  readonly select: (ids: readonly string[]) => void;
  /** Selects every box. Stable across renders. */
  readonly selectAll: () => void;
}

/** Writes into React Flow's own store (`moveInStore`, `selectInStore`); each answers the changes it did not take. */
export interface CanvasStoreWriter {
  readonly move: (moves: LiveMove[]) => LiveMove[];
  readonly select: (changes: NodeSelectionChange[]) => NodeSelectionChange[];
}

/**
 * React Flow's view of the projection (controlled): selection, sizes and finished moves live
 * here, the rest comes from the document. Two things reach React Flow's store first and this
 * state later, so that they cost a frame no re-render of the editor and no re-adoption of every
 * box: a drag's frames (`inStore.move`, never here until the drop) and the boxes React Flow
 * selects or unselects itself (`inStore.select`: a click, the press that starts a drag, a
 * shift-click, a selection rectangle), which this state takes in a transition once the event is
 * over, or with the drop when the press started a drag. The canvas's current selection is React
 * Flow's store's (`selectionInStore`). When a drag ends (or an arrow key moves a box), `onMoved`
 * gets the final positions: one `move` operation.
 */
export function useCanvasState(
  projection: Projection,
  onMoved: (positions: Record<string, CanvasPoint>) => void,
  inStore: CanvasStoreWriter,
): CanvasState {
  const origin = useRef(new WeakMap<object, object>()).current;
  // Where the drag in progress has its boxes (in React Flow's store, not in this state), and
  // where the last drops left them until this state has them.
  const live = useRef(new Map<string, LiveBox>()).current;
  const dropsAsked = useRef(0);
  // The boxes React Flow selected or unselected in its store (`selectInStore`) and this state has not taken in.
  const picked = useRef(new Map<string, PickedBox>()).current;
  const picksAsked = useRef(0);
  // The last pick handed to a state update (it may not have rendered yet).
  const picksSent = useRef(0);
  const foldQueued = useRef(false);
  const [state, setState] = useState(() => ({ projection, nodes: [...projection.nodes], edges: [...projection.edges], drops: 0, picks: 0 }));
  let current = state;
  if (state.projection !== projection) {
    // Derived state, updated while rendering (React re-renders this component at once).
    current = {
      projection,
      nodes: projection.nodes === state.projection.nodes ? state.nodes : mergeNodes(projection.nodes, state.nodes, origin),
      edges: projection.edges === state.projection.edges ? state.edges : mergeEdges(projection.edges, state.edges, origin),
      drops: state.drops,
      picks: state.picks,
    };
    setState(current);
  }
  // Recomputed only when this state hands React Flow new nodes; not on drag frames or picks.
  const nodes = useMemo(() => withLive(current.nodes, live, current.drops, picked, current.picks), [current.nodes, current.drops, current.picks, live, picked]);
  // A drop or a pick this state has taken in: its boxes are where and as it has them.
  useLayoutEffect(() => {
    for (const [id, box] of live) if (box.drop !== undefined && box.drop <= current.drops) live.delete(id);
  }, [current.drops, live]);
  useLayoutEffect(() => {
    for (const [id, pick] of picked) if (pick.pick <= current.picks) picked.delete(id);
  }, [current.picks, picked]);
  const onMovedRef = useRef(onMoved);
  onMovedRef.current = onMoved;
  const inStoreRef = useRef(inStore);
  inStoreRef.current = inStore;

  /** The picks so far, for a state update to take in (`withPicks` over its nodes). */
  const takePicks = useCallback(() => {
    const upTo = picksAsked.current;
    picksSent.current = upTo;
    const batch = new Map(picked);
    return (previous: { nodes: CanvasNode[]; picks: number }) =>
      upTo <= previous.picks ? { nodes: previous.nodes, picks: previous.picks } : { nodes: withPicks(previous.nodes, batch, previous.picks, origin), picks: upTo };
  }, [origin, picked]);

  const onNodesChange = useCallback((changes: NodeChange<CanvasNode>[]) => {
    let rest = changes;
    const frames = changes.filter(isLiveMove);
    if (frames.length > 0) {
      const refused = new Set(inStoreRef.current.move(frames));
      for (const frame of frames) if (!refused.has(frame)) live.set(frame.id, { position: frame.position });
      rest = rest.filter((change) => !isLiveMove(change) || refused.has(change));
    }
    const selections = rest.filter((change): change is NodeSelectionChange => change.type === 'select');
    if (selections.length > 0) {
      const refused = new Set(inStoreRef.current.select(selections));
      for (const change of selections) if (!refused.has(change)) picked.set(change.id, { selected: change.selected, pick: ++picksAsked.current });
      rest = rest.filter((change) => change.type !== 'select' || refused.has(change));
      // Taken in once the event is over (the press that selects a box also starts its drag, in
      // the same pointer move): with the drop if a drag has started, else at once.
      if (!foldQueued.current && picked.size > 0) {
        foldQueued.current = true;
        queueMicrotask(() => {
          foldQueued.current = false;
          if (picksSent.current >= picksAsked.current) return;
          for (const box of live.values()) if (box.drop === undefined) return;
          const take = takePicks();
          setState((previous) => (previous.picks >= picksAsked.current ? previous : { ...previous, ...take(previous) }));
        });
      }
    }
    if (rest.length === 0) return;
    const moved: Record<string, CanvasPoint> = {};
    let anyMoved = false;
    let drop = 0;
    for (const change of rest) {
      if (change.type !== 'position' || change.dragging === true) continue;
      if (change.position !== undefined && change.dragging === false) {
        moved[change.id] = { x: Math.round(change.position.x), y: Math.round(change.position.y) };
        anyMoved = true;
      }
      // The end of a drag: its boxes stay where React Flow has them until this state takes the drop in.
      if (live.has(change.id)) {
        if (drop === 0) drop = ++dropsAsked.current;
        if (change.position === undefined) live.delete(change.id);
        else live.set(change.id, { position: change.position, drop });
      }
    }
    // Removals are the editor's to make (as operations), never React Flow's.
    const kept = rest.filter((change) => change.type !== 'remove' && change.type !== 'add' && change.type !== 'replace');
    const apply = () => {
      if (kept.length > 0) {
        // The picks so far come along (a drop takes in the selection its press made).
        const take = takePicks();
        setState((latest) => {
          const previous = { ...latest, ...take(latest) };
          // A box just measured drops its estimate (`withoutEstimate`).
          const nodes = applyNodeChanges(kept, previous.nodes).map(withoutEstimate);
          // Boxes React Flow copied (selected, measured, moved) still stand for the same projection.
          nodes.forEach((node, index) => {
            const before = previous.nodes[index];
            if (node === before || before === undefined) return;
            const source = origin.get(before);
            if (source !== undefined) origin.set(node, source);
          });
          return { ...previous, nodes, drops: Math.max(previous.drops, drop) };
        });
      }
      if (anyMoved) onMovedRef.current(moved);
    };
    // A drop changes nothing on screen (React Flow shows the boxes where they were dropped): the
    // document, the editor and the canvas follow in a transition, which React renders between
    // frames instead of holding the one after the release.
    if (drop > 0) startTransition(apply);
    else apply();
  }, [live, origin, picked, takePicks]);

  const onEdgesChange = useCallback((changes: EdgeChange<CanvasEdge>[]) => {
    const kept = changes.filter((change) => change.type === 'select');
    if (kept.length > 0) setState((previous) => ({ ...previous, edges: applyEdgeChanges(kept, previous.edges) }));
  }, []);

  const selectWhere = useCallback((wanted: (id: string) => boolean) => {
    // A box picked in React Flow's store and not taken in here gets a new object whatever its
    // flag here, so that React Flow takes this selection over its own; the picks are superseded.
    const unsettled = new Set(picked.keys());
    picked.clear();
    picksSent.current = picksAsked.current;
    setState((previous) => ({
      ...previous,
      picks: picksAsked.current,
      nodes: previous.nodes.map((node) => {
        const selected = wanted(node.id);
        if ((node.selected === true) === selected && !unsettled.has(node.id)) return node;
        const next = { ...node, selected } as CanvasNode;
        const source = origin.get(node);
        if (source !== undefined) origin.set(next, source);
        return next;
      }),
      edges: previous.edges.map((edge) => (edge.selected === true ? { ...edge, selected: false } : edge)),
    }));
  }, [origin, picked]);
  const select = useCallback((ids: readonly string[]) => {
    const wanted = new Set(ids);
    selectWhere((id) => wanted.has(id));
  }, [selectWhere]);
  const selectAll = useCallback(() => selectWhere(() => true), [selectWhere]);

  return { nodes, edges: current.edges, onNodesChange, onEdgesChange, select, selectAll };
}
