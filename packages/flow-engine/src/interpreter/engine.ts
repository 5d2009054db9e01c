import { matchChoice } from '../answers/index.js';
import { indexFlow } from '../graph/flow-index.js';
import type { FlowDocument } from '../schema/flow-document.schema.js';
import type { Effect } from '../session/effects.js';
import type { EngineEvent, SessionContext, StartTrigger } from '../session/events.js';
import type { SessionState } from '../session/session-state.js';
import { endSession, handlerFor, applyOutcome, runFrom } from './advance.js';
import { initialState } from './initial-state.js';
import { messageVar } from './message-var.js';
import { inboundAsText } from './nodes/inbound-text.js';
import { Run, type TraceEntry } from './run.js';
import { findStartTrigger } from './triggers.js';
import { TRIGGER_HANDLE } from '../graph/node-outputs.js';
import { targetOf } from '../graph/flow-index.js';

/** The outcome of `start` or `step`: the new state, what the shell must do, and the path taken. */
export interface StepResult {
  state: SessionState;
  effects: Effect[];
  trace: TraceEntry[];
  /** 'ignored' when the event did not concern the session (a stale timer, a message during a handoff). */
  outcome: 'advanced' | 'ignored';
}

/**
 * Starts a session of `flow` for a trigger, and runs it until it must wait or ends.
 * Pure and deterministic: the same inputs always give the same result.
 */
export function start(args: { flow: FlowDocument; trigger: StartTrigger; context: SessionContext; now: Date }): StepResult {
  const { flow, trigger, now } = args;
  const index = indexFlow(flow);
  const run = new Run(flow, index, initialState(args), now);
  const entry = findStartTrigger(flow, trigger);
  const first = entry ? targetOf(index, entry.id, TRIGGER_HANDLE) : undefined;
  if (!entry || first === undefined) {
    run.log('error', 'no_entry', entry ? `trigger "${entry.id}" is not connected to a node` : `the flow has no ${trigger.type} trigger`);
    endSession(run, 'no_entry');
  } else {
    run.trace.push({ nodeId: entry.id, output: TRIGGER_HANDLE });
    runFrom(run, first);
  }
  return { state: run.state, effects: run.effects, trace: run.trace, outcome: 'advanced' };
}

/** A tap (or the typed title) of a template quick-reply the session sent earlier. */
function matchRoute(state: SessionState, event: EngineEvent): { buttonId: string; nodeId: string; from?: string } | undefined {
  if (event.type !== 'message' || !state.routes) return undefined;
  const routes = Object.entries(state.routes);
  const options = routes.map(([id, r]) => ({ id, title: r.title }));
  const message = event.message;
  const text = inboundAsText(message);
  const buttonId = message.kind === 'button' || message.kind === 'list' ? message.id : undefined;
  // Quick replies are never shown numbered, so a typed '1' is not the first button.
  const matched = matchChoice({ ...(text !== undefined ? { text } : {}), ...(buttonId ? { buttonId } : {}) }, options, { byNumber: false });
  const route = matched.ok ? state.routes[matched.value] : undefined;
  return route && matched.ok ? { buttonId: matched.value, nodeId: route.nodeId, ...(route.from ? { from: route.from } : {}) } : undefined;
}

/**
 * Feeds one event to a waiting session. Pure: `state` is not modified; the new state and the
 * effects to perform are returned. Events that do not concern the session (stale timers, a
 * message while a person owns the conversation) come back as 'ignored' with the state as it was.
 */
export function step(args: { flow: FlowDocument; state: SessionState; event: EngineEvent; now: Date }): StepResult {
  const { flow, state, event, now } = args;
  const ignored: StepResult = { state, effects: [], trace: [], outcome: 'ignored' };
  const wait = state.wait;
  if (state.status === 'ended' || !wait) return ignored;

  const index = indexFlow(flow);
  const run = new Run(flow, index, state, now);
  if (event.type === 'message') run.setVar('message', messageVar(event.message));

  const route = state.status !== 'handoff' && wait.kind !== 'reply' ? matchRoute(state, event) : undefined;
  if (route !== undefined) {
    if ('timerId' in wait) run.cancelTimer(wait.timerId);
    delete run.state.routes;
    run.state.wait = null;
    // The path shows the button that was tapped, on the template that offered it.
    if (route.from) run.trace.push({ nodeId: route.from, output: route.buttonId });
    runFrom(run, route.nodeId);
    return { state: run.state, effects: run.effects, trace: run.trace, outcome: 'advanced' };
  }

  const node = index.nodes.get(wait.nodeId);
  if (!node) {
    run.log('error', 'missing_node', `node "${wait.nodeId}" does not exist in this flow version`, wait.nodeId);
    endSession(run, 'missing_node');
    return { state: run.state, effects: run.effects, trace: run.trace, outcome: 'advanced' };
  }
  const outcome = handlerFor(node).resume?.(node, wait, event, run) ?? { kind: 'ignore' };
  if (outcome.kind === 'ignore') return ignored;
  const nextNode = applyOutcome(run, node.id, outcome);
  if (nextNode !== undefined) runFrom(run, nextNode);
  return { state: run.state, effects: run.effects, trace: run.trace, outcome: 'advanced' };
}
