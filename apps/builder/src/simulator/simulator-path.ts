import type { SimulationState } from '../api/simulation-types.js';
import type { SimulatorPath } from './simulator-panel-props.js';

/**
 * The path the editor highlights, from the simulation's state: the nodes entered by the
 * session of this flow (a jump to another flow starts a session whose nodes are not on this
 * canvas), in order. A node that waited and later left (a question answered) is logged twice
 * by the runtime — entered, then left by an output — and is one step here.
 */
export function buildSimulatorPath(state: SimulationState, sessionId: string): SimulatorPath {
  const steps: SimulatorPath['steps'] = [];
  for (const entry of state.path) {
    if (entry.sessionId !== sessionId) continue;
    const last = steps[steps.length - 1];
    if (last !== undefined && last.nodeId === entry.nodeId && last.output === undefined) {
      if (entry.output !== undefined) last.output = entry.output;
      continue;
    }
    steps.push(entry.output === undefined ? { nodeId: entry.nodeId } : { nodeId: entry.nodeId, output: entry.output });
  }
  const ownSession = state.sessionId === sessionId;
  const waiting = ownSession && state.status !== 'ended' ? state.waitingAt : null;
  return { steps, currentNodeId: waiting };
}

/** Two paths the canvas would draw the same way. */
export function samePath(a: SimulatorPath | null, b: SimulatorPath | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.currentNodeId !== b.currentNodeId || a.steps.length !== b.steps.length) return false;
  return a.steps.every((step, index) => step.nodeId === b.steps[index]?.nodeId && step.output === b.steps[index]?.output);
}
