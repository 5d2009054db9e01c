import { buildFlow, textMessage } from '../test-support/flow-builder.js';
import { Conversation, effectsOf, external, manual, sentTexts, text } from '../test-support/session.js';

function eventFlow(opts: { interruptOnReply?: boolean; match?: string } = {}) {
  return buildFlow({
    variables: [{ name: 'order', type: 'object' }],
    nodes: [
      {
        id: 'w',
        type: 'wait_for_event',
        data: {
          events: ['order.created', 'order.paid'],
          within: { amount: 23, unit: 'hours' },
          match: opts.match ?? 'event.cart_token == cart.token',
          saveAs: 'order',
          ...(opts.interruptOnReply ? { interruptOnReply: true } : {}),
        },
      },
      textMessage('got', 'pedido {{order.number}} ({{event.number}})'),
      textMessage('late', 'tarde'),
      textMessage('replied', 'respondeu'),
    ],
    edges: [
      ['w', 'received', 'got'],
      ['w', 'timeout', 'late'],
      ['w', 'reply', 'replied'],
    ],
  });
}

const cartTrigger = manual({ cart: { token: 'tok-1' } });

describe('wait_for_event node', () => {
  it('waits for the event with a timeout timer', () => {
    const c = Conversation.start(eventFlow(), { trigger: cartTrigger });
    expect(effectsOf(c.last.effects, 'schedule_timer')).toEqual([
      { type: 'schedule_timer', timerId: 'sess:1', nodeId: 'w', fireAt: '2026-03-11T11:00:00.000Z', purpose: 'event_timeout' },
    ]);
    expect(c.state).toMatchObject({ status: 'waiting', wait: { kind: 'event', nodeId: 'w', timerId: 'sess:1' } });
  });

  it('takes "received" for a matching event: cancels the timer, saves the data and exposes it as event', () => {
    const c = Conversation.start(eventFlow(), { trigger: cartTrigger });
    const r = c.step(external('order.paid', { cart_token: 'tok-1', number: 1001 }));
    expect(r.trace[0]).toEqual({ nodeId: 'w', output: 'received' });
    expect(effectsOf(r.effects, 'cancel_timer')).toEqual([{ type: 'cancel_timer', timerId: 'sess:1' }]);
    expect(c.state.vars['order']).toEqual({ cart_token: 'tok-1', number: 1001 });
    expect(c.state.vars['event']).toEqual({ cart_token: 'tok-1', number: 1001 });
    expect(sentTexts(r.effects)).toEqual(['pedido 1001 (1001)']);
  });

  it('ignores events of other names and events the match rejects, leaving the session as it was', () => {
    const c = Conversation.start(eventFlow(), { trigger: cartTrigger });
    const before = c.state;
    for (const event of [external('order.shipped', { cart_token: 'tok-1' }), external('order.created', { cart_token: 'tok-2' }), external('order.created', {})]) {
      const r = c.step(event);
      expect(r).toEqual({ state: before, effects: [], trace: [], outcome: 'ignored' });
    }
    expect(c.state).toBe(before);
    expect(c.state.vars['event']).toEqual({ name: 'manual' });
    expect(c.state.vars['cart']).toEqual({ token: 'tok-1' });
  });

  it('takes "timeout" when its timer fires', () => {
    const c = Conversation.start(eventFlow(), { trigger: cartTrigger });
    expect(c.fireTimer().trace).toEqual([
      { nodeId: 'w', output: 'timeout' },
      { nodeId: 'late', output: 'next' },
    ]);
    expect(c.state.vars['order']).toBeNull();
  });

  it('takes "reply" on a customer message only with interruptOnReply', () => {
    const without = Conversation.start(eventFlow(), { trigger: cartTrigger });
    expect(without.step(text('oi')).outcome).toBe('ignored');

    const withReply = Conversation.start(eventFlow({ interruptOnReply: true }), { trigger: cartTrigger });
    const r = withReply.step(text('oi'));
    expect(r.trace[0]).toEqual({ nodeId: 'w', output: 'reply' });
    expect(effectsOf(r.effects, 'cancel_timer')).toEqual([{ type: 'cancel_timer', timerId: 'sess:1' }]);
    expect(withReply.state.vars['message']).toEqual({ kind: 'text', text: 'oi', id: null });
  });
});
