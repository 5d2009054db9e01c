import { buildFlow, textMessage, type EdgeTriple, type NodeInput } from '../test-support/flow-builder.js';
import { Conversation, effectsOf, external, manual, sent, sentTexts, tap, text } from '../test-support/session.js';

const reminder: NodeInput = {
  id: 'reminder',
  type: 'whatsapp_template',
  data: {
    name: 'abandoned_cart_reminder',
    language: 'pt_BR',
    header: { kind: 'image', url: '{{cart.image}}' },
    body: ['{{contact.first_name}}', '{{cart.total | currency}}'],
    urlButtons: [{ index: 0, param: '{{cart.path}}' }],
    quickReplies: [
      { index: 1, id: 'stop', title: 'Parar lembretes' },
      { index: 2, id: 'later', title: 'Mais tarde' },
    ],
  },
};

/** reminder -> <waiting node>; the "stop" quick reply leads to an opt-out message. */
function templateFlow(waiting: NodeInput, extra: EdgeTriple[] = []) {
  return buildFlow({
    variables: [{ name: 'answer', type: 'text' }],
    nodes: [reminder, waiting, textMessage('opt_out', 'Tudo bem, sem mais lembretes.'), textMessage('after', 'depois')],
    edges: [['reminder', 'next', waiting.id], ['reminder', 'stop', 'opt_out'], ...extra],
  });
}

const trigger = manual({ cart: { total: 129.9, image: 'https://cdn/x.png', path: 'c/abc' } });

const timerWait: NodeInput = { id: 'wait', type: 'wait', data: { mode: 'duration', duration: { amount: 23, unit: 'hours' } } };
const eventWait: NodeInput = { id: 'wait', type: 'wait_for_event', data: { events: ['order.created'], within: { amount: 23, unit: 'hours' } } };
const replyWait: NodeInput = { id: 'wait', type: 'question', data: { text: 'Alguma dúvida?', kind: 'text', variable: 'answer' } };

describe('whatsapp_template node', () => {
  it('sends the template with rendered parameters and goes on by "next"', () => {
    const c = Conversation.start(templateFlow(timerWait), { trigger });
    expect(sent(c.last.effects)).toEqual([
      {
        kind: 'template',
        name: 'abandoned_cart_reminder',
        language: 'pt_BR',
        header: { kind: 'image', url: 'https://cdn/x.png' },
        body: ['Maria', expect.stringMatching(/^R\$\s129,90$/u)],
        urlButtons: [{ index: 0, param: 'c/abc' }],
        quickReplies: [
          { index: 1, id: 'stop', title: 'Parar lembretes' },
          { index: 2, id: 'later', title: 'Mais tarde' },
        ],
      },
    ]);
    expect(c.last.trace).toContainEqual({ nodeId: 'reminder', output: 'next' });
    // Only connected quick replies become routes.
    expect(c.state.routes).toEqual({ stop: { nodeId: 'opt_out', title: 'Parar lembretes', from: 'reminder' } });
  });

  it('renders text header parameters', () => {
    const flow = buildFlow({
      nodes: [{ id: 't', type: 'whatsapp_template', data: { name: 'hello', language: 'en_US', header: { kind: 'text', params: ['{{contact.first_name}}'] } } }],
    });
    expect(sent(Conversation.start(flow).last.effects)).toEqual([
      { kind: 'template', name: 'hello', language: 'en_US', header: { kind: 'text', params: ['Maria'] }, body: [], urlButtons: [], quickReplies: [] },
    ]);
  });

  it('takes a quick-reply tap later, from a timer wait: cancels the timer and clears the routes', () => {
    const c = Conversation.start(templateFlow(timerWait, [['wait', 'next', 'after']]), { trigger });
    const timerId = (c.state.wait as { timerId: string }).timerId;
    const r = c.step(tap('stop', 'Parar lembretes'));
    expect(r.outcome).toBe('advanced');
    expect(effectsOf(r.effects, 'cancel_timer')).toEqual([{ type: 'cancel_timer', timerId }]);
    expect(r.trace).toEqual([
      { nodeId: 'reminder', output: 'stop' },
      { nodeId: 'opt_out', output: 'next' },
    ]);
    expect(sentTexts(r.effects)).toEqual(['Tudo bem, sem mais lembretes.']);
    expect(c.state.status).toBe('ended');
    expect(c.state.routes).toBeUndefined();
  });

  it('takes the route when the customer types the button title, from an event wait', () => {
    const c = Conversation.start(templateFlow(eventWait), { trigger });
    const r = c.step(text('parar lembretes!'));
    expect(r.trace).toEqual([
      { nodeId: 'reminder', output: 'stop' },
      { nodeId: 'opt_out', output: 'next' },
    ]);
    expect(effectsOf(r.effects, 'cancel_timer')).toHaveLength(1);
  });

  it('does not read a typed number as a quick reply (they are never shown numbered)', () => {
    const c = Conversation.start(templateFlow(eventWait), { trigger });
    expect(c.step(text('1')).outcome).toBe('ignored');
    expect(c.state.wait).toMatchObject({ kind: 'event', nodeId: 'wait' });
  });

  it('keeps the routes while the session waits on other things', () => {
    const c = Conversation.start(templateFlow(eventWait), { trigger });
    expect(c.step(external('order.paid', {})).outcome).toBe('ignored');
    expect(c.state.routes).toEqual({ stop: { nodeId: 'opt_out', title: 'Parar lembretes', from: 'reminder' } });
  });

  it('does not take a route from a reply wait: the waiting question gets the message', () => {
    const c = Conversation.start(templateFlow(replyWait, [['wait', 'next', 'after']]), { trigger });
    const r = c.step(tap('stop', 'Parar lembretes'));
    expect(r.trace[0]).toEqual({ nodeId: 'wait', output: 'next' });
    expect(c.state.vars['answer']).toBe('Parar lembretes');
    expect(sentTexts(r.effects)).toEqual(['depois']);
  });

  it('does not take a route while a person owns the conversation', () => {
    const handoff: NodeInput = { id: 'wait', type: 'handoff', data: { reason: 'x' } };
    const c = Conversation.start(templateFlow(handoff), { trigger });
    expect(c.state.status).toBe('handoff');
    expect(c.step(tap('stop', 'Parar lembretes')).outcome).toBe('ignored');
  });

  it('ignores taps of quick replies that are not connected', () => {
    const c = Conversation.start(templateFlow(timerWait), { trigger });
    expect(c.step(tap('later', 'Mais tarde')).outcome).toBe('ignored');
  });
});
