// The simulator: a chat panel that runs the current draft through the real runtime.
// CONTRACT between the editor (src/editor/**) and the simulator (src/simulator/**): the editor
// renders <SimulatorPanel/> beside the canvas and draws the path it reports.
export { SimulatorPanel } from './simulator-panel.js';
export type { SimulatorPanelProps, SimulatorPath } from './simulator-panel-props.js';
