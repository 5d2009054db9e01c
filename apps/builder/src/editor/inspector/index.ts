// The node inspector: the side panel that edits the selected node, trigger or the flow itself.
// CONTRACT between the editor (src/editor/**) and the inspector (src/editor/inspector/**): the
// editor renders <NodeInspector/> with these props; the inspector edits only by dispatching
// operations (FlowOperation from @jornada/flow-engine), never by mutating the document.
export { NodeInspector } from './node-inspector.js';
export type { InspectorSelection, NodeInspectorProps } from './node-inspector-props.js';
