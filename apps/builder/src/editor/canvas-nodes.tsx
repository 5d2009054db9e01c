import { createContext, memo, use } from 'react';
import { Handle, Position, type Node, type NodeProps, type ReactFlowState } from '@xyflow/react';
import type { FlowNode } from '@jornada/flow-engine';
import { useT } from '../i18n/index.js';
import type { Translate } from '../i18n/translator.js';
import { EditorIcon } from './editor-icons.js';
import { NODE_FAMILY } from './node-catalog.js';
import { NodePreview, TriggerPreview } from './node-preview.js';
import { durationText, outputName, triggerTypeName, typeName } from './node-text.js';
import type { FlowNodeData, IssueCount, OutputPort, SimulationMark, TriggerNodeData } from './projection.js';
import './canvas-nodes.css';

function IssueBadge({ issues, t }: { issues: IssueCount | null; t: Translate }) {
  if (issues === null) return null;
  const count = issues.errors + issues.warnings;
  const tone = issues.errors > 0 ? 'error' : 'warning';
  return (
    <span className={`cnode__issues cnode__issues--${tone}`} title={t('editor.node.issues', { count })}>
      <EditorIcon name={tone === 'error' ? 'error-circle' : 'warning'} size={13} />
      {count}
      <span className="visually-hidden">{t('editor.node.issues', { count })}</span>
    </span>
  );
}

function portLabel(t: Translate, node: FlowNode | null, port: OutputPort): string {
  if (port.id === 'timeout' && node !== null && port.label === null) {
    if (node.type === 'wait_for_event') return t('editor.output.eventTimeout', { duration: durationText(t, node.data.within) });
    if ((node.type === 'message' || node.type === 'question' || node.type === 'survey') && node.data.timeout !== undefined) {
      return t('editor.output.timeoutAfter', { duration: durationText(t, node.data.timeout) });
    }
  }
  return outputName(t, port);
}

function Ports({ ports, node, t }: { ports: readonly OutputPort[]; node: FlowNode | null; t: Translate }) {
  const single = ports.length === 1 && ports[0]?.id === 'next';
  if (ports.length === 0) return null;
  if (single) return <Handle type="source" position={Position.Right} id="next" className="cnode__handle cnode__handle--out cnode__handle--single" />;
  return (
    <ul className="cnode__ports">
      {ports.map((port) => (
        <li key={port.id} className={port.fallback ? 'cnode__port cnode__port--fallback' : 'cnode__port'}>
          <span className="cnode__port-label">{portLabel(t, node, port)}</span>
          {port.detail !== undefined && <span className="cnode__port-detail">{port.detail}</span>}
          <Handle type="source" position={Position.Right} id={port.id} className="cnode__handle cnode__handle--out" />
        </li>
      ))}
    </ul>
  );
}

/** Below this zoom the words on boxes are too small to read: boxes draw simplified. */
export const FAR_ZOOM = 0.35;

/** Changes only when the zoom crosses FAR_ZOOM, so panning and zooming re-render no box. */
export const isFar = (state: ReactFlowState) => state.transform[2] < FAR_ZOOM;

/**
 * Whether the canvas is zoomed out below FAR_ZOOM, for the boxes: the canvas reads `isFar` from
 * React Flow's store once and passes it down, instead of every box subscribing to the store (a
 * thousand more selectors run on every store update: while opening, on every frame of a drag).
 */
export const FarZoomContext = createContext(false);

/**
 * A box as drawn zoomed out: its colour, its name and its handles, nothing else (a full box
 * is some 30 elements, each with its own clip or transform for the compositor to sort out on
 * every frame of a pan). The handles sit where the full box has them, top and bottom rows, so
 * edges stay put when the zoom crosses FAR_ZOOM.
 */
function FarBox({ className, title, ports, target }: { className: string; title: string; ports: readonly OutputPort[]; target: boolean }) {
  const single = ports.length === 1 && ports[0]?.id === 'next';
  return (
    <div className={`cnode cnode--far ${className}`}>
      {target && <Handle type="target" position={Position.Left} className="cnode__handle cnode__handle--in" />}
      <div className="cnode__far-title">{title}</div>
      {single && <Handle type="source" position={Position.Right} id="next" className="cnode__handle cnode__handle--out cnode__handle--single" />}
      {!single && ports.length > 0 && (
        <ul className="cnode__ports">
          {ports.map((port) => (
            <li key={port.id} className="cnode__port">
              <Handle type="source" position={Position.Right} id={port.id} className="cnode__handle cnode__handle--out" />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * A box draws from its data and whether it is selected, nothing else React Flow passes (its
 * position, measured size, z-index, dragging): re-rendering it for those would redraw a
 * dragged box's content every frame, and every box once more when React Flow first measures
 * them all. React Flow moves and sizes the wrapper around it by itself.
 */
export function sameBoxProps(before: Pick<NodeProps, 'data' | 'selected' | 'id'>, after: Pick<NodeProps, 'data' | 'selected' | 'id'>): boolean {
  return before.data === after.data && before.selected === after.selected && before.id === after.id;
}

function simClass(sim: SimulationMark): string {
  return sim === null ? '' : sim === 'current' ? ' is-sim-current' : ' is-sim-entered';
}

/** A box of the flow: its type and label, what it does at a glance, one handle per output. */
export const FlowNodeView = memo(function FlowNodeView({ data, selected }: NodeProps<Node<FlowNodeData, 'flow'>>) {
  const t = useT();
  const far = use(FarZoomContext);
  const { node } = data;
  const family = NODE_FAMILY[node.type];
  const label = node.label?.trim();
  const className = `cnode--${family}${selected ? ' is-selected' : ''}${simClass(data.sim)}${data.issues?.errors ? ' has-errors' : ''}`;
  if (far) return <FarBox className={className} title={label || typeName(t, node.type)} ports={data.outputs} target />;
  return (
    <div className={`cnode ${className}`}>
      <Handle type="target" position={Position.Left} className="cnode__handle cnode__handle--in" />
      <div className="cnode__header">
        <span className="cnode__icon">
          <EditorIcon name={node.type} size={16} />
        </span>
        <span className="cnode__titles">
          <span className="cnode__type">{typeName(t, node.type)}</span>
          {label ? <span className="cnode__label">{label}</span> : null}
        </span>
        <IssueBadge issues={data.issues} t={t} />
      </div>
      <div className="cnode__body">
        <NodePreview node={node} t={t} />
      </div>
      <Ports ports={data.outputs} node={node} t={t} />
      {data.sim === 'current' && <span className="cnode__sim-flag">{t('editor.node.simCurrent')}</span>}
    </div>
  );
}, sameBoxProps);

/** A trigger: where the journey starts; one output, nothing leads into it. */
export const TriggerNodeView = memo(function TriggerNodeView({ data, selected }: NodeProps<Node<TriggerNodeData, 'trigger'>>) {
  const t = useT();
  const far = use(FarZoomContext);
  const { trigger } = data;
  const className = `cnode--trigger${selected ? ' is-selected' : ''}${simClass(data.sim)}${data.issues?.errors ? ' has-errors' : ''}`;
  if (far) return <FarBox className={className} title={triggerTypeName(t, trigger.type)} ports={data.outputs} target={false} />;
  return (
    <div className={`cnode ${className}`}>
      <div className="cnode__header">
        <span className="cnode__icon">
          <EditorIcon name={trigger.type} size={16} />
        </span>
        <span className="cnode__titles">
          <span className="cnode__type">{t('editor.triggerBadge')}</span>
          <span className="cnode__label">{triggerTypeName(t, trigger.type)}</span>
        </span>
        <IssueBadge issues={data.issues} t={t} />
      </div>
      <div className="cnode__body">
        <TriggerPreview trigger={trigger} t={t} />
      </div>
      <Ports ports={data.outputs} node={null} t={t} />
    </div>
  );
}, sameBoxProps);

export const NODE_TYPES_MAP = { flow: FlowNodeView, trigger: TriggerNodeView };
