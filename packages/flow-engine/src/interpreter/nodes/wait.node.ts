import { nextBusinessOpen, nextTimeOfDay } from '../../time/index.js';
import type { NodeOf } from '../../schema/flow-document.schema.js';
import { ignore, isOwnTimer, next, type NodeHandler } from '../node-handler.js';
import type { Run } from '../run.js';

/** When the wait is over, or undefined when it is already over (the flow goes straight on). */
function dueAt(node: NodeOf<'wait'>, run: Run): Date | undefined {
  const { data } = node;
  const now = run.now;
  switch (data.mode) {
    case 'duration':
      return run.after(data.duration);
    case 'until_time':
      return nextTimeOfDay(now, data.time, run.env.timezone);
    case 'until_date': {
      const value = run.evaluate(data.at);
      const at = typeof value === 'string' || typeof value === 'number' ? new Date(value) : undefined;
      if (!at || Number.isNaN(at.getTime())) {
        run.log('warn', 'wait_date_invalid', `"${data.at}" did not give a date; the flow went on without waiting`, node.id);
        return undefined;
      }
      return at.getTime() > now.getTime() ? at : undefined;
    }
    case 'business_hours': {
      const hours = run.state.env.businessHours;
      if (!hours) return undefined;
      const open = nextBusinessOpen(now, hours, run.env.timezone);
      return open && open.getTime() > now.getTime() ? open : undefined;
    }
  }
}

/** Waits a duration, until a time of day, until a date, or until the shop opens. */
export const waitNode: NodeHandler<'wait'> = {
  enter(node, run) {
    const at = dueAt(node, run);
    if (!at) return next('next');
    const timerId = run.scheduleTimer(node.id, at, 'wait');
    return { kind: 'wait', wait: { kind: 'timer', nodeId: node.id, timerId } };
  },

  resume(node, wait, event, run) {
    if (wait.kind !== 'timer') return ignore;
    if (isOwnTimer(wait, event)) return next('next');
    if (event.type === 'message' && node.data.interruptOnReply) {
      run.cancelTimer(wait.timerId);
      return next('reply');
    }
    return ignore;
  },
};
