import type { FlowDocument } from '@jornada/flow-engine';

/** The path a simulated session took, for the canvas to highlight. */
export interface SimulatorPath {
  /** Every node entered, in order (a node entered twice appears twice). */
  steps: { nodeId: string; output?: string }[];
  /** Where the session waits now, if it waits. */
  currentNodeId: string | null;
}

export interface SimulatorPanelProps {
  flowId: string;
  /** The draft as the editor holds it: the panel lists its triggers and channels. */
  document: FlowDocument;
  /** Saves pending edits; resolves once the server's draft is `document` (the simulator runs the saved draft). */
  flush: () => Promise<void>;
  /** Reports the path taken (null when no simulation runs); the editor highlights it on the canvas. */
  onPathChange: (path: SimulatorPath | null) => void;
  onClose: () => void;
}
