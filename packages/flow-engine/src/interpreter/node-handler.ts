import type { NodeOf, NodeType } from '../schema/flow-document.schema.js';
import type { EndReason } from '../session/effects.js';
import type { EngineEvent } from '../session/events.js';
import type { SessionState, Wait } from '../session/session-state.js';
import type { Run } from './run.js';

/** What a node decides: leave by an output, stop and wait, end the session, or ignore an event. */
export type NodeOutcome =
  /** `endReason`: why the session ends if this output is not connected (default 'completed'). */
  | { kind: 'next'; output: string; endReason?: EndReason }
  | { kind: 'wait'; wait: Wait; status?: Extract<SessionState['status'], 'waiting' | 'handoff'> }
  | { kind: 'goto'; nodeId: string }
  | { kind: 'end'; reason: EndReason }
  | { kind: 'ignore' };

/**
 * Behaviour of one node type. `enter` runs when the session reaches the node; `resume` runs
 * when an event arrives while the session waits at it. Both only touch the given `Run`.
 */
export interface NodeHandler<T extends NodeType> {
  enter(node: NodeOf<T>, run: Run): NodeOutcome;
  resume?(node: NodeOf<T>, wait: Wait, event: EngineEvent, run: Run): NodeOutcome;
}

export const next = (output: string): NodeOutcome => ({ kind: 'next', output });
export const ignore: NodeOutcome = { kind: 'ignore' };

/** True when the event is the firing of the timer this wait armed (stale timers never match). */
export function isOwnTimer(wait: Wait, event: EngineEvent): boolean {
  return event.type === 'timer' && 'timerId' in wait && wait.timerId !== undefined && wait.timerId === event.timerId;
}
