import { buildFlow, chain, setVars } from '../test-support/flow-builder.js';
import { Conversation, effectsOf, manual } from '../test-support/session.js';

describe('jump_to_flow node', () => {
  it('asks the shell to start the other flow with the flow variables and ends the session as jumped', () => {
    const flow = buildFlow({
      variables: [{ name: 'coupon', type: 'text', default: 'VOLTA10' }],
      nodes: [setVars('set', { score: '9' }), { id: 'jump', type: 'jump_to_flow', data: { flowId: 'flow-nps' } }],
      edges: chain('set', 'jump'),
    });
    const c = Conversation.start(flow, { trigger: manual({ order: { id: 'o1' } }) });
    const [startFlow] = effectsOf(c.last.effects, 'start_flow');
    expect(startFlow?.flowId).toBe('flow-nps');
    expect(startFlow?.data).toMatchObject({ coupon: 'VOLTA10', score: 9, order: { id: 'o1' } });
    for (const builtin of ['contact', 'workspace', 'session', 'message']) expect(startFlow?.data).not.toHaveProperty(builtin);
    expect(effectsOf(c.last.effects, 'end_session')).toEqual([{ type: 'end_session', reason: 'jumped' }]);
    expect(c.state).toMatchObject({ status: 'ended', endedReason: 'jumped' });
  });
});
