import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Panel, useReactFlow, useStoreApi } from '@xyflow/react';
import { applyOperationWithInverse, type CanvasPoint, type FlowDocument, type FlowOperation, type LintIssue } from '@jornada/flow-engine';
import { useApi } from '../api/api-context.js';
import type { FlowDetail } from '../api/types.js';
import { can } from '../auth/permissions.js';
import { useSignedIn } from '../auth/session-context.js';
import { useT } from '../i18n/index.js';
import { useToast } from '../ui/toast.js';
import { SimulatorPanel, type SimulatorPath } from '../simulator/index.js';
import { NodeInspector } from './inspector/index.js';
import { layoutPositions, type BoxSize } from './auto-layout.js';
import { Autosave, type SaveStatus } from './autosave.js';
import { CLIPBOARD_STORAGE_KEY, copySelection, parseClipboard, pasteOperation, serializeClipboard, type ClipboardPayload } from './clipboard.js';
import { draftClient } from './draft-client.js';
import { ConflictDialog, PublishDialog, ShortcutsDialog } from './editor-dialogs.js';
import { EditorToolbar } from './editor-toolbar.js';
import { useFitFlow } from './fit-flow.js';
import { FlowCanvas } from './flow-canvas.js';
import { moveInStore, selectInStore, selectionInStore } from './live-drag.js';
import { applyEdit, redo as redoStep, startHistory, undo as undoStep, type EditorHistory, type OperationError, type StepResult } from './history.js';
import { createNode, createTrigger, newId, type PaletteItem } from './node-catalog.js';
import { NodePalette } from './node-palette.js';
import { loose, nodeDefaults, outputName } from './node-text.js';
import { countIssues, toProblems, type Problem } from './problems.js';
import { ProblemsPanel } from './problems-panel.js';
import { createProjector, outputPorts, simulationHighlight, type CanvasEdge, type CanvasNode, type Decorations } from './projection.js';
import { QuickAdd } from './quick-add.js';
import { useCanvasState, type CanvasStoreWriter } from './use-canvas-state.js';
import { useEditorDialogs } from './use-editor-dialogs.js';
import { useEditorShortcuts } from './use-editor-shortcuts.js';
import { useInspectorSelection } from './use-inspector-selection.js';
import { useLint } from './use-lint.js';

const reducer = applyOperationWithInverse;

/** Error codes of the reducer that read better with their own words. */
const REFUSAL_KEYS = {
  output_taken: 'editor.connect.output_taken',
  edge_into_trigger: 'editor.connect.edge_into_trigger',
  self_loop: 'editor.connect.self_loop',
  unknown_handle: 'editor.connect.unknown_handle',
  unknown_target: 'editor.connect.unknown_target',
  unknown_source: 'editor.connect.unknown_source',
  limit_exceeded: 'editor.refused.limit',
} as const;

export function FlowEditor({ flow, initialDocument }: { flow: FlowDetail; initialDocument: FlowDocument }) {
  const t = useT();
  const api = useApi();
  const toast = useToast();
  const reactFlow = useReactFlow();
  const fitFlow = useFitFlow();
  const { workspace } = useSignedIn();
  const readOnly = !can(workspace.role, 'flows.write');
  const mayPublish = can(workspace.role, 'flows.publish');

  // ---- The document and its history: every edit is an operation through the engine's reducer.
  const [history, setHistory] = useState<EditorHistory>(() => startHistory(initialDocument));
  const historyRef = useRef(history);
  const document = history.document;

  const [saveStatus, setSaveStatus] = useState<SaveStatus>({ kind: 'saved' });
  const [autosave] = useState(() => {
    const client = draftClient(api, flow.id);
    return new Autosave({ revision: flow.draftRevision, ...client, currentDocument: () => historyRef.current.document, onStatus: setSaveStatus });
  });
  useEffect(() => {
    autosave.activate();
    return () => {
      // Leaving the editor (another page of the app): send what is left.
      if (autosave.dirty) void autosave.flush().catch(() => undefined);
      autosave.dispose();
    };
  }, [autosave]);
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!autosave.dirty) return;
      void autosave.flush().catch(() => undefined);
      event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [autosave]);

  const describeRefusal = useCallback(
    (error: OperationError) => {
      const key = (REFUSAL_KEYS as Record<string, (typeof REFUSAL_KEYS)[keyof typeof REFUSAL_KEYS] | undefined>)[error.code];
      return key === undefined ? t('editor.refused', { reason: error.message }) : loose(t)(key);
    },
    [t],
  );

  const commit = useCallback(
    (step: StepResult | null): boolean => {
      if (step === null) return false;
      if (!step.ok) {
        toast.show({ tone: 'error', message: describeRefusal(step.error) });
        return false;
      }
      historyRef.current = step.history;
      setHistory(step.history);
      autosave.enqueue(step.applied);
      return true;
    },
    [autosave, describeRefusal, toast],
  );

  const dispatch = useCallback(
    (operation: FlowOperation): boolean => {
      if (readOnly) return false;
      return commit(applyEdit(reducer, historyRef.current, operation));
    },
    [commit, readOnly],
  );
  const undo = useCallback(() => !readOnly && commit(undoStep(reducer, historyRef.current)), [commit, readOnly]);
  const redo = useCallback(() => !readOnly && commit(redoStep(reducer, historyRef.current)), [commit, readOnly]);

  // ---- Lint, live.
  // The server sent the draft's issues with it (the same engine's lint): nothing to check on opening.
  const [lintSeed] = useState(() => ({ document: initialDocument, issues: flow.issues as readonly LintIssue[] }));
  const lintState = useLint(document, lintSeed);
  const issues = lintState.issues;
  const lintedDocument = lintState.document ?? document;
  const errorCount = issues.filter((issue) => issue.severity === 'error').length;
  const warningCount = issues.length - errorCount;
  const problems = useMemo(() => {
    const translate = (key: string, params: Readonly<Record<string, string | number>>) => loose(t)(key as 'editor.lint.no_trigger', params);
    const portName = (nodeId: string | undefined, handle: string) => {
      const node = lintedDocument.nodes.find((candidate) => candidate.id === nodeId);
      const port = node === undefined ? undefined : outputPorts(node).find((candidate) => candidate.id === handle);
      return outputName(t, port ?? { id: handle, label: null });
    };
    return toProblems(issues, lintedDocument, translate, portName);
  }, [issues, lintedDocument, t]);

  // ---- Simulation path.
  const [simulatorOpen, setSimulatorOpen] = useState(false);
  const [simPath, setSimPath] = useState<SimulatorPath | null>(null);

  // ---- Projection: structural sharing all the way to React Flow.
  const [projector] = useState(createProjector);
  const issueCounts = useMemo(() => countIssues(issues, lintedDocument), [issues, lintedDocument]);
  const decorations = useMemo<Decorations>(() => ({ issues: issueCounts, simulation: simPath === null ? null : simulationHighlight(document, simPath) }), [issueCounts, simPath, document]);
  const projection = useMemo(() => projector(document, decorations), [projector, document, decorations]);
  const onMoved = useCallback((positions: Record<string, CanvasPoint>) => dispatch({ type: 'move', positions }), [dispatch]);
  // A drag's frames move the boxes in React Flow's store only (`moveInStore`); its end is one
  // `move`. A selection React Flow makes is in its store at once (`selectInStore`), in the canvas
  // state after the event (or the drag), so the selection commands read React Flow's store.
  const flowStore = useStoreApi<CanvasNode, CanvasEdge>();
  const inStore = useMemo<CanvasStoreWriter>(() => ({ move: (moves) => moveInStore(flowStore, moves), select: (changes) => selectInStore(flowStore, changes) }), [flowStore]);
  const canvas = useCanvasState(projection, onMoved, inStore);
  // The canvas state changes with every selection, measurement and drop; these do not (callbacks
  // and the keyboard listeners below depend on them, not on `canvas`).
  const { select: selectBoxes, selectAll } = canvas;

  // ---- Selection, panels, dialogs.
  const [paletteOpen, setPaletteOpen] = useState(!readOnly);
  const [problemsOpen, setProblemsOpen] = useState(false);
  const [quickAdd, setQuickAdd] = useState<{ from: { source: string; sourceHandle: string }; screen: { x: number; y: number } } | null>(null);
  const paletteSearch = useRef<HTMLInputElement>(null);

  // ---- Saving, publishing, the dialogs (use-editor-dialogs.ts).
  const currentDocument = useCallback(() => historyRef.current.document, []);
  const replaceDocument = useCallback((next: FlowDocument) => {
    const fresh = startHistory(next);
    historyRef.current = fresh;
    setHistory(fresh);
  }, []);
  const openProblems = useCallback(() => setProblemsOpen(true), []);
  const toggleProblems = useCallback(() => setProblemsOpen((open) => !open), []);
  const { dialog, showShortcuts, closeDialog, publishing, liveVersion, flush, requestPublish, publish, resolveConflict } = useEditorDialogs({
    flow,
    autosave,
    saveStatus,
    currentDocument,
    replaceDocument,
    openProblems,
  });

  useEffect(() => {
    window.document.title = `${t('editor.pageTitle', { name: document.name })} · Jornada`;
  }, [document.name, t]);

  const { selectedNodes, selectedEdges, selection, triggerIds, inspectorOpen, setInspectorOpen, focusPath, setFocusPath, onSelectionChange, onDragging } = useInspectorSelection(document.triggers);

  /** Selects boxes and brings the first into view. */
  const focusElements = useCallback(
    (ids: readonly string[], { center = true }: { center?: boolean } = {}) => {
      selectBoxes(ids);
      const first = ids[0];
      if (!center || first === undefined) return;
      const node = reactFlow.getNode(first);
      const position = node?.position ?? historyRef.current.document.ui.positions[first];
      if (position === undefined) return;
      const width = node?.measured?.width ?? 272;
      const height = node?.measured?.height ?? 140;
      void reactFlow.setCenter(position.x + width / 2, position.y + height / 2, { zoom: Math.max(reactFlow.getZoom(), 0.8), duration: 250 });
    },
    [selectBoxes, reactFlow],
  );

  // ---- Adding boxes.
  /** The nearest spot to `wanted` where a new box overlaps none (boxes are about 272 x 160). */
  const freeSpot = useCallback((wanted: CanvasPoint): CanvasPoint => {
    const taken = Object.values(historyRef.current.document.ui.positions);
    const overlaps = (spot: CanvasPoint) => taken.some((point) => Math.abs(point.x - spot.x) < 290 && Math.abs(point.y - spot.y) < 180);
    for (let ring = 0; ring < 12; ring++) {
      for (const [dx, dy] of [[0, 1], [1, 0], [0, -1], [-1, 0], [1, 1], [-1, 1], [1, -1], [-1, -1]] as const) {
        const spot = { x: wanted.x + dx * ring * 150, y: wanted.y + dy * ring * 100 };
        if (!overlaps(spot)) return spot;
      }
    }
    return wanted;
  }, []);

  const viewCenter = useCallback((): CanvasPoint => {
    const pane = window.document.querySelector('.editor-canvas')?.getBoundingClientRect();
    const screen = pane === undefined ? { x: window.innerWidth / 2, y: window.innerHeight / 2 } : { x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 };
    const point = reactFlow.screenToFlowPosition(screen);
    return { x: Math.round(point.x - 136), y: Math.round(point.y - 60) };
  }, [reactFlow]);

  const addItem = useCallback(
    (item: PaletteItem, at?: CanvasPoint) => {
      const position = at ?? freeSpot(viewCenter());
      let id: string;
      let ok: boolean;
      if (item.kind === 'trigger') {
        const trigger = createTrigger(item.type);
        id = trigger.id;
        ok = dispatch({ type: 'add_trigger', trigger, position });
      } else {
        const node = createNode(item.type, nodeDefaults(t));
        id = node.id;
        ok = dispatch({ type: 'add_node', node, position });
      }
      if (ok) {
        // Selected after React Flow has the new box.
        requestAnimationFrame(() => selectBoxes([id]));
        setInspectorOpen(true);
      }
    },
    [selectBoxes, dispatch, freeSpot, t, viewCenter],
  );

  // ---- Connections.
  const connect = useCallback(
    (connection: { source: string; sourceHandle: string; target: string }) => {
      dispatch({ type: 'connect', edge: { id: newId('edge'), ...connection } });
    },
    [dispatch],
  );

  const reconnect = useCallback(
    (edge: { id: string }, to: { source: string; sourceHandle: string; target: string } | null) => {
      if (to === null) {
        dispatch({ type: 'remove_elements', edgeIds: [edge.id] });
        return;
      }
      dispatch({ type: 'batch', operations: [{ type: 'remove_elements', edgeIds: [edge.id] }, { type: 'connect', edge: { id: newId('edge'), ...to } }] });
    },
    [dispatch],
  );

  const addConnected = useCallback(
    (item: PaletteItem) => {
      const pending = quickAdd;
      setQuickAdd(null);
      if (pending === null || item.kind !== 'node') return;
      const node = createNode(item.type, nodeDefaults(t));
      const point = reactFlow.screenToFlowPosition(pending.screen);
      const current = historyRef.current.document.edges.find((edge) => edge.source === pending.from.source && edge.sourceHandle === pending.from.sourceHandle);
      const operations: FlowOperation[] = [
        { type: 'add_node', node, position: { x: Math.round(point.x), y: Math.round(point.y - 26) } },
        ...(current === undefined ? [] : [{ type: 'remove_elements' as const, edgeIds: [current.id] }]),
        { type: 'connect', edge: { id: newId('edge'), source: pending.from.source, sourceHandle: pending.from.sourceHandle, target: node.id } },
      ];
      if (dispatch({ type: 'batch', operations })) {
        requestAnimationFrame(() => selectBoxes([node.id]));
        setInspectorOpen(true);
      }
    },
    [selectBoxes, dispatch, quickAdd, reactFlow, t],
  );

  // Handed to the canvas, which hands them to React Flow's memoized boxes and connections: stable.
  const onConnectToEmpty = useCallback((from: { source: string; sourceHandle: string }, screen: { x: number; y: number }) => {
    if (!readOnly) setQuickAdd({ from, screen });
  }, [readOnly]);
  const openInspector = useCallback(() => setInspectorOpen(true), []);
  const closeQuickAdd = useCallback(() => setQuickAdd(null), []);

  // ---- Selection commands: on what the canvas shows selected (React Flow's store).
  const selectedIds = useCallback(() => new Set(selectionInStore(flowStore).nodeIds), [flowStore]);

  const deleteSelection = useCallback(() => {
    const { nodeIds: selected, edgeIds } = selectionInStore(flowStore);
    const ids = new Set(selected);
    const nodeIds = [...ids].filter((id) => !triggerIds.has(id));
    const removedTriggers = [...ids].filter((id) => triggerIds.has(id));
    const count = nodeIds.length + removedTriggers.length + edgeIds.length;
    if (count === 0) return;
    if (dispatch({ type: 'remove_elements', nodeIds, triggerIds: removedTriggers, edgeIds })) toast.show({ tone: 'info', message: t('editor.deleted', { count }) });
  }, [dispatch, flowStore, t, toast, triggerIds]);

  const copy = useCallback(
    (event?: ClipboardEvent): ClipboardPayload | null => {
      const payload = copySelection(historyRef.current.document, selectedIds());
      if (payload === null) return null;
      const text = serializeClipboard(payload);
      try {
        window.localStorage.setItem(CLIPBOARD_STORAGE_KEY, text);
      } catch {
        // Storage full or refused: the system clipboard still has it.
      }
      if (event?.clipboardData) {
        event.clipboardData.setData('text/plain', text);
        event.preventDefault();
      }
      toast.show({ tone: 'info', message: t('editor.clipboard.copied', { count: payload.nodes.length + payload.triggers.length }) });
      return payload;
    },
    [selectedIds, t, toast],
  );

  const paste = useCallback(
    (payload: ClipboardPayload | null, offset?: CanvasPoint) => {
      if (payload === null) {
        toast.show({ tone: 'info', message: t('editor.clipboard.empty') });
        return;
      }
      const here = historyRef.current.document.ui.positions;
      // Pasted where the copy came from, if that spot is free (another flow); else a step aside.
      const overlaps = Object.keys(payload.positions).some((id) => here[id] !== undefined);
      const shift = offset ?? (overlaps ? { x: 48, y: 48 } : { x: 0, y: 0 });
      const { operation, ids } = pasteOperation(payload, shift);
      if (dispatch(operation)) {
        requestAnimationFrame(() => selectBoxes(ids));
        toast.show({ tone: 'info', message: t('editor.clipboard.pasted', { count: ids.length }) });
      }
    },
    [selectBoxes, dispatch, t, toast],
  );

  const readStoredClipboard = useCallback((): ClipboardPayload | null => {
    try {
      return parseClipboard(window.localStorage.getItem(CLIPBOARD_STORAGE_KEY));
    } catch {
      return null;
    }
  }, []);

  const duplicate = useCallback(() => {
    const payload = copySelection(historyRef.current.document, selectedIds());
    if (payload !== null) paste(payload, { x: 48, y: 48 });
  }, [paste, selectedIds]);

  const layout = useCallback(() => {
    const sizes = new Map<string, BoxSize>();
    for (const node of reactFlow.getNodes()) {
      if (node.measured?.width !== undefined && node.measured.height !== undefined) sizes.set(node.id, { width: node.measured.width, height: node.measured.height });
    }
    const positions = layoutPositions(historyRef.current.document, sizes);
    if (dispatch({ type: 'move', positions })) {
      toast.show({ tone: 'info', message: t('editor.layout.done') });
      // After React Flow has the new positions (its store takes them in an effect).
      requestAnimationFrame(() => requestAnimationFrame(() => fitFlow({ duration: 250 })));
    }
  }, [dispatch, fitFlow, reactFlow, t, toast]);

  const searchPalette = useCallback(() => {
    setPaletteOpen(true);
    requestAnimationFrame(() => paletteSearch.current?.focus());
  }, []);
  const fit = useCallback(() => fitFlow({ duration: 200 }), [fitFlow]);
  const escape = useCallback(() => {
    selectBoxes([]);
    setQuickAdd(null);
  }, [selectBoxes]);

  // ---- Simulating.
  const openSimulator = useCallback(async () => {
    if (simulatorOpen) {
      setSimulatorOpen(false);
      setSimPath(null);
      return;
    }
    try {
      await flush();
    } catch {
      // The simulator runs the saved draft; it says so itself when the save did not go through.
    }
    setSimulatorOpen(true);
  }, [flush, simulatorOpen]);

  // ---- Problems: a click selects and centres the box, and the inspector opens the field.
  const pickProblem = useCallback(
    (problem: Problem) => {
      if (problem.targetId !== null) focusElements([problem.targetId]);
      else selectBoxes([]);
      setInspectorOpen(true);
      setSimulatorOpen(false);
      requestAnimationFrame(() => setFocusPath(problem.issue.path));
    },
    [focusElements, selectBoxes],
  );

  // ---- Keyboard (use-editor-shortcuts.ts).
  useEditorShortcuts(
    {
      undo,
      redo,
      duplicate,
      selectAll,
      toggleProblems,
      deleteSelection,
      showShortcuts,
      searchPalette,
      fit,
      escape,
      copy,
      paste,
      readStoredClipboard,
    },
    readOnly,
  );

  const empty = document.triggers.length === 0 && document.nodes.length === 0;
  const rightPanel = simulatorOpen ? (
    <SimulatorPanel flowId={flow.id} document={document} flush={flush} onPathChange={setSimPath} onClose={() => { setSimulatorOpen(false); setSimPath(null); }} />
  ) : inspectorOpen ? (
    <NodeInspector document={document} selection={selection} issues={issues} dispatch={dispatch} readOnly={readOnly} {...(focusPath === undefined ? {} : { focusPath })} onClose={() => setInspectorOpen(false)} />
  ) : null;

  return (
    <div className="editor">
      <EditorToolbar
        flowId={flow.id}
        name={document.name}
        onRename={(name) => dispatch({ type: 'update_flow', name })}
        liveVersion={liveVersion}
        saveStatus={saveStatus}
        onRetrySave={() => autosave.retry()}
        readOnly={readOnly}
        canUndo={history.past.length > 0}
        canRedo={history.future.length > 0}
        onUndo={undo}
        onRedo={redo}
        onLayout={layout}
        paletteOpen={paletteOpen}
        onTogglePalette={() => setPaletteOpen((open) => !open)}
        errors={errorCount}
        warnings={warningCount}
        checked={lintState.document !== null}
        problemsOpen={problemsOpen}
        onToggleProblems={toggleProblems}
        onShortcuts={showShortcuts}
        simulatorOpen={simulatorOpen}
        onSimulate={() => void openSimulator()}
        canPublish={mayPublish && !readOnly}
        publishing={publishing}
        onPublish={() => void requestPublish()}
      />
      <div className="editor__body">
        {paletteOpen && !readOnly && <NodePalette onAdd={(item) => addItem(item)} onClose={() => setPaletteOpen(false)} disabled={readOnly} searchRef={paletteSearch} />}
        <div className="editor__main">
          <div className="editor__canvas">
            <FlowCanvas
              nodes={canvas.nodes}
              edges={canvas.edges}
              onNodesChange={canvas.onNodesChange}
              onEdgesChange={canvas.onEdgesChange}
              readOnly={readOnly}
              onConnect={connect}
              onReconnect={reconnect}
              onConnectToEmpty={onConnectToEmpty}
              onDropItem={addItem}
              onSelectionChange={onSelectionChange}
              onDragging={onDragging}
              onOpenNode={openInspector}
              onPaneClick={closeQuickAdd}
              empty={
                empty ? (
                  <Panel position="top-center" className="canvas-empty">
                    <p className="canvas-empty__title">{t('editor.canvas.empty.title')}</p>
                    <p className="canvas-empty__text">{t('editor.canvas.empty.text')}</p>
                  </Panel>
                ) : selectedNodes.length + selectedEdges.length > 1 ? (
                  <Panel position="top-center" className="canvas-selection" aria-live="polite">
                    {t('editor.canvas.selected', { count: selectedNodes.length })}
                  </Panel>
                ) : null
              }
            />
            {quickAdd !== null && <QuickAdd at={quickAdd.screen} onAdd={addConnected} onClose={() => setQuickAdd(null)} />}
          </div>
          {problemsOpen && (
            <div className="editor__problems">
              <ProblemsPanel problems={problems} document={lintedDocument} checking={lintState.stale} onPick={pickProblem} onClose={() => setProblemsOpen(false)} />
            </div>
          )}
        </div>
        {rightPanel !== null && (
          <div className={simulatorOpen ? 'editor__side editor__side--wide' : 'editor__side'} aria-label={simulatorOpen ? undefined : t('editor.inspector.label')} role={simulatorOpen ? undefined : 'region'}>
            {rightPanel}
          </div>
        )}
      </div>
      {dialog === 'publish' && <PublishDialog name={document.name} liveVersion={liveVersion} warnings={warningCount} onPublish={publish} onClose={closeDialog} />}
      {dialog === 'shortcuts' && <ShortcutsDialog onClose={closeDialog} />}
      {saveStatus.kind === 'conflict' && <ConflictDialog theirRevision={saveStatus.theirs.revision} onChoose={resolveConflict} />}
    </div>
  );
}
