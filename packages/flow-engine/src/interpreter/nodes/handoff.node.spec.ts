import { buildFlow, textMessage } from '../test-support/flow-builder.js';
import { Conversation, effectsOf, sent, tap, text, timer } from '../test-support/session.js';

function handoffFlow(data: { team?: string; priority?: 'low' | 'normal' | 'high' | 'urgent'; message?: string } = {}) {
  return buildFlow({
    nodes: [
      { id: 'human', type: 'handoff', data: { reason: 'Cliente {{contact.first_name}} pediu ajuda', ...data } },
      textMessage('after_resolved', 'Como foi o atendimento?'),
      textMessage('after_returned', 'De volta com o robô'),
    ],
    edges: [
      ['human', 'resolved', 'after_resolved'],
      ['human', 'returned', 'after_returned'],
    ],
  });
}

describe('handoff node', () => {
  it('tells the customer, asks the shell for a person and waits with status handoff', () => {
    const c = Conversation.start(handoffFlow({ team: 'sales', priority: 'high', message: 'Já chamo alguém, {{contact.first_name}}.' }));
    expect(sent(c.last.effects)).toEqual([{ kind: 'text', text: 'Já chamo alguém, Maria.' }]);
    expect(effectsOf(c.last.effects, 'handoff')).toEqual([
      { type: 'handoff', id: 'sess:2', nodeId: 'human', team: 'sales', priority: 'high', reason: 'Cliente Maria pediu ajuda' },
    ]);
    expect(c.state).toMatchObject({ status: 'handoff', wait: { kind: 'human', nodeId: 'human' } });
  });

  it('defaults to normal priority, no team and no message', () => {
    const c = Conversation.start(handoffFlow());
    expect(sent(c.last.effects)).toEqual([]);
    expect(effectsOf(c.last.effects, 'handoff')).toEqual([{ type: 'handoff', id: 'sess:1', nodeId: 'human', priority: 'normal', reason: 'Cliente Maria pediu ajuda' }]);
  });

  it('ignores customer messages, timers and other events while a person owns the conversation', () => {
    const c = Conversation.start(handoffFlow());
    const before = c.state;
    for (const event of [text('alô?'), tap('x'), timer('sess:1'), { type: 'external' as const, name: 'order.created', data: {} }]) {
      expect(c.step(event)).toEqual({ state: before, effects: [], trace: [], outcome: 'ignored' });
    }
  });

  it('leaves by "resolved" when the agent resolves, and by "returned" when handed back', () => {
    const resolved = Conversation.start(handoffFlow());
    expect(resolved.step({ type: 'conversation', action: 'resolved' }).trace).toEqual([
      { nodeId: 'human', output: 'resolved' },
      { nodeId: 'after_resolved', output: 'next' },
    ]);
    const returned = Conversation.start(handoffFlow());
    returned.step({ type: 'conversation', action: 'handed_back' });
    expect(returned.last.trace[0]).toEqual({ nodeId: 'human', output: 'returned' });
    expect(returned.state.status).toBe('ended');
  });

  it('ends the session when the taken output is open', () => {
    const flow = buildFlow({ nodes: [{ id: 'human', type: 'handoff', data: { reason: 'x' } }] });
    const c = Conversation.start(flow);
    c.step({ type: 'conversation', action: 'resolved' });
    expect(c.state).toMatchObject({ status: 'ended', wait: null });
    expect(effectsOf(c.last.effects, 'end_session')).toHaveLength(1);
  });
});
