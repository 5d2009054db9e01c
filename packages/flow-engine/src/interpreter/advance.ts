import { targetOf } from '../graph/flow-index.js';
import type { FlowNode, NodeType } from '../schema/flow-document.schema.js';
import type { EndReason } from '../session/effects.js';
import type { NodeHandler, NodeOutcome } from './node-handler.js';
import { NODE_HANDLERS } from './nodes/index.js';
import type { Run } from './run.js';

/** The handler for a node, typed loosely at this one dispatch point. */
export function handlerFor(node: FlowNode): NodeHandler<NodeType> {
  return NODE_HANDLERS[node.type] as unknown as NodeHandler<NodeType>;
}

/** Stops the session: cancels what it was waiting on and tells the shell why it ended. */
export function endSession(run: Run, reason: EndReason): void {
  const wait = run.state.wait;
  if (wait && 'timerId' in wait) run.cancelTimer(wait.timerId);
  run.state = { ...run.state, status: 'ended', wait: null, endedReason: reason };
  delete run.state.routes;
  run.emit({ type: 'end_session', reason });
}

/**
 * Applies a node's decision. Returns the node to enter next, or undefined when the session
 * now waits or has ended.
 */
export function applyOutcome(run: Run, nodeId: string, outcome: NodeOutcome): string | undefined {
  switch (outcome.kind) {
    case 'next': {
      const last = run.trace[run.trace.length - 1];
      if (last && last.nodeId === nodeId) last.output = outcome.output;
      else run.trace.push({ nodeId, output: outcome.output });
      run.state.wait = null;
      const target = targetOf(run.index, nodeId, outcome.output);
      // An output left open ends the journey there: lint warns about it, the customer is not stuck.
      if (target === undefined) endSession(run, outcome.endReason ?? 'completed');
      return target;
    }
    case 'goto':
      run.state.wait = null;
      return outcome.nodeId;
    case 'wait':
      run.state.wait = outcome.wait;
      run.state.status = outcome.status ?? 'waiting';
      return undefined;
    case 'end':
      run.state.wait = null;
      endSession(run, outcome.reason);
      return undefined;
    case 'ignore':
      return undefined;
  }
}

/**
 * Enters `nodeId` and keeps going until the session must wait or ends. The step budget
 * bounds how many nodes one event may run, so a loop in a flow can never hang a worker.
 */
export function runFrom(run: Run, nodeId: string): void {
  const budget = run.flow.settings.stepBudget;
  let current: string | undefined = nodeId;
  let steps = 0;
  run.state.status = 'active';
  while (current !== undefined) {
    steps += 1;
    if (steps > budget) {
      run.log('error', 'step_budget_exceeded', `more than ${budget} nodes ran for one event; the session was stopped`, current);
      endSession(run, 'step_budget_exceeded');
      return;
    }
    const node = run.index.nodes.get(current);
    if (!node) {
      run.log('error', 'missing_node', `node "${current}" does not exist in this flow version`, current);
      endSession(run, 'missing_node');
      return;
    }
    run.trace.push({ nodeId: node.id });
    current = applyOutcome(run, node.id, handlerFor(node).enter(node, run));
  }
}
