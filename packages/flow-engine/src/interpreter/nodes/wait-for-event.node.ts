import { isTruthy } from '../../expressions/index.js';
import { ignore, isOwnTimer, next, type NodeHandler } from '../node-handler.js';

/** Waits for a named event (e.g. order.created) within a window; else takes "timeout". */
export const waitForEventNode: NodeHandler<'wait_for_event'> = {
  enter(node, run) {
    const timerId = run.scheduleTimer(node.id, run.after(node.data.within), 'event_timeout');
    return { kind: 'wait', wait: { kind: 'event', nodeId: node.id, timerId } };
  },

  resume(node, wait, event, run) {
    if (wait.kind !== 'event') return ignore;
    if (isOwnTimer(wait, event)) return next('timeout');
    if (event.type === 'message' && node.data.interruptOnReply) {
      run.cancelTimer(wait.timerId);
      return next('reply');
    }
    if (event.type !== 'external' || !node.data.events.includes(event.name)) return ignore;
    // The match sees the incoming event as `event` without overwriting the session's own yet.
    if (node.data.match && !isTruthy(run.evaluateWith(node.data.match, { event: event.data }))) return ignore;
    run.cancelTimer(wait.timerId);
    run.setVar('event', event.data);
    if (node.data.saveAs) run.setVar(node.data.saveAs, event.data);
    return next('received');
  },
};
