import { ignore, next, type NodeHandler } from '../node-handler.js';

/**
 * Hands the conversation to a person: the bot stays silent until an agent hands it back
 * ("returned") or resolves it ("resolved"), e.g. to ask for a CSAT score afterwards.
 */
export const handoffNode: NodeHandler<'handoff'> = {
  enter(node, run) {
    const { data } = node;
    if (data.message) run.send(node.id, { kind: 'text', text: run.render(data.message) });
    run.emit({
      type: 'handoff',
      id: run.nextId(),
      nodeId: node.id,
      ...(data.team ? { team: data.team } : {}),
      priority: data.priority,
      reason: run.render(data.reason),
    });
    return { kind: 'wait', wait: { kind: 'human', nodeId: node.id }, status: 'handoff' };
  },

  resume(_node, wait, event) {
    if (wait.kind !== 'human' || event.type !== 'conversation') return ignore;
    if (event.action === 'handed_back') return next('returned');
    return { kind: 'next', output: 'resolved', endReason: 'resolved' };
  },
};
