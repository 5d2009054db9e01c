import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FlowDocument } from '@jornada/flow-engine';
import type { InspectorSelection } from './inspector/index.js';

/**
 * What the inspector shows: the boxes and connections selected on the canvas (one box: its form;
 * else the flow's settings), whether it is open, and the field a problem asked it to focus.
 * Fed by the canvas's selection changes and drag state (FlowCanvas `onSelectionChange`,
 * `onDragging`).
 */
export function useInspectorSelection(triggers: FlowDocument['triggers']) {
  const [selectedNodes, setSelectedNodes] = useState<string[]>([]);
  const [selectedEdges, setSelectedEdges] = useState<string[]>([]);
  const [inspectorOpen, setInspectorOpen] = useState(true);
  const [focusPath, setFocusPath] = useState<string | undefined>(undefined);

  // In a transition: a box's form in the inspector takes some 30 ms to render on a slow machine.
  // And not while a drag lasts: a press on a box that is not selected selects it as its drag
  // starts, and even rendered between frames, the new form is styled, laid out and painted in one
  // frame (~15 ms in a trace of the bench's drag), which dropped a frame of the drag. The
  // inspector shows the dragged box once it is dropped.
  const dragging = useRef(false);
  const heldSelection = useRef<{ nodeIds: string[]; edgeIds: string[] } | null>(null);
  const showSelection = useCallback((nodeIds: string[], edgeIds: string[]) => {
    startTransition(() => {
      setSelectedNodes(nodeIds);
      setSelectedEdges(edgeIds);
      setFocusPath(undefined);
      if (nodeIds.length === 1) setInspectorOpen(true);
    });
  }, []);
  const onSelectionChange = useCallback((nodeIds: string[], edgeIds: string[]) => {
    if (dragging.current) heldSelection.current = { nodeIds, edgeIds };
    else showSelection(nodeIds, edgeIds);
  }, [showSelection]);
  const onDragging = useCallback((now: boolean) => {
    dragging.current = now;
    const held = heldSelection.current;
    if (now || held === null) return;
    heldSelection.current = null;
    showSelection(held.nodeIds, held.edgeIds);
  }, [showSelection]);
  // A drag React Flow ends without telling (its box removed meanwhile) ends with the button.
  useEffect(() => {
    const released = () => {
      if (dragging.current) onDragging(false);
    };
    window.addEventListener('pointerup', released);
    window.addEventListener('pointercancel', released);
    return () => {
      window.removeEventListener('pointerup', released);
      window.removeEventListener('pointercancel', released);
    };
  }, [onDragging]);

  const triggerIds = useMemo(() => new Set(triggers.map((trigger) => trigger.id)), [triggers]);
  const selection: InspectorSelection = useMemo(() => {
    const [only] = selectedNodes;
    if (selectedNodes.length !== 1 || only === undefined) return { kind: 'flow' };
    return triggerIds.has(only) ? { kind: 'trigger', id: only } : { kind: 'node', id: only };
  }, [selectedNodes, triggerIds]);

  return { selectedNodes, selectedEdges, selection, triggerIds, inspectorOpen, setInspectorOpen, focusPath, setFocusPath, onSelectionChange, onDragging };
}
