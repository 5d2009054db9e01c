// One test per engine bug found in review; each failed before its fix.
import { lint } from '../lint/index.js';
import { parseFlow } from '../schema/parse-flow.js';
import { buildFlow } from './test-support/flow-builder.js';
import { Conversation, effectsOf, external, listTap, manual, sent, text } from './test-support/session.js';

describe('engine regressions', () => {
  it('refuses set_variable targets that are built-ins or prototype names', () => {
    for (const variable of ['contact', '__proto__', 'constructor', 'message', 'contact.attributes.__proto__']) {
      const parsed = parseFlow({
        schemaVersion: 1,
        name: 'x',
        triggers: [{ id: 't', type: 'manual' }],
        nodes: [{ id: 's', type: 'set_variable', data: { assignments: [{ variable, value: '1' }] } }],
        edges: [{ id: 'e', source: 't', sourceHandle: 'next', target: 's' }],
      });
      expect({ variable, ok: parsed.ok }).toEqual({ variable, ok: false });
    }
  });

  it('asks CSAT on SMS as plain text, so a typed "1" is the score 1 and "5" the score 5', () => {
    const flow = buildFlow({
      nodes: [{ id: 'csat', type: 'survey', data: { kind: 'csat', text: 'De 1 a 5?' } }],
    });
    const c = Conversation.start(flow, { context: { channel: 'sms' } });
    expect(sent(c.last.effects)).toEqual([{ kind: 'text', text: 'De 1 a 5?' }]);
    expect(effectsOf(c.step(text('5')).effects, 'record_survey')[0]?.score).toBe(5);
  });

  it('does not leak list-row aliases into the outbound message', () => {
    const flow = buildFlow({
      nodes: [
        {
          id: 'm',
          type: 'message',
          data: { text: 'Escolha', list: { buttonLabel: 'Ver', sections: [{ rows: [{ id: 'a', title: 'Pix', aliases: ['pix'] }] }] } },
        },
      ],
    });
    const c = Conversation.start(flow);
    expect(sent(c.last.effects)).toEqual([
      { kind: 'list', text: 'Escolha', buttonLabel: 'Ver', sections: [{ rows: [{ id: 'a', title: 'Pix' }] }] },
    ]);
    expect(c.step(listTap('a', 'Pix')).trace[0]).toEqual({ nodeId: 'm', output: 'a' });
  });

  it('shows reply buttons on SMS as numbered text and reads the number', () => {
    const flow = buildFlow({
      nodes: [{ id: 'm', type: 'message', data: { text: 'Tudo certo?', buttons: [{ id: 'y', title: 'Sim' }, { id: 'n', title: 'Não' }] } }],
    });
    const c = Conversation.start(flow, { context: { channel: 'sms' } });
    expect(sent(c.last.effects)).toEqual([{ kind: 'text', text: 'Tudo certo?\n\n1. Sim\n2. Não' }]);
    expect(c.step(text('2')).trace[0]).toEqual({ nodeId: 'm', output: 'n' });
  });

  it('reads a conversion value written in local notation ("129,90")', () => {
    const flow = buildFlow({ nodes: [{ id: 'c', type: 'conversion', data: { kind: 'repurchase', value: 'order.total' } }] });
    const c = Conversation.start(flow, { trigger: manual({ order: { total: '129,90' } }) });
    expect(effectsOf(c.last.effects, 'record_conversion')[0]).toMatchObject({ value: 129.9, currency: 'BRL' });
  });

  it('matches and stores choice titles as rendered for the customer', () => {
    const flow = buildFlow({
      variables: [{ name: 'p', type: 'text', default: 'Pix' }],
      nodes: [
        {
          id: 'q',
          type: 'question',
          data: { text: 'Como paga?', kind: 'choice', variable: 'pay', options: [{ id: 'a', title: 'Pagar com {{p}}' }, { id: 'b', title: 'Boleto' }] },
        },
      ],
    });
    const c = Conversation.start(flow);
    c.step(text('pagar com pix'));
    expect(c.state.vars['pay']).toBe('Pagar com Pix');
  });

  it('does not hand the trigger event over to the next flow', () => {
    const flow = buildFlow({ nodes: [{ id: 'j', type: 'jump_to_flow', data: { flowId: 'other' } }] });
    const c = Conversation.start(flow, { trigger: manual({ cart: { token: 't' } }) });
    expect(effectsOf(c.last.effects, 'start_flow')[0]?.data).toEqual({ cart: { token: 't' } });
  });

  it('ends a resolved handoff with no follow-up as "resolved", not "completed"', () => {
    const flow = buildFlow({ nodes: [{ id: 'h', type: 'handoff', data: { reason: 'help' } }] });
    const c = Conversation.start(flow);
    const r = c.step({ type: 'conversation', action: 'resolved' });
    expect(effectsOf(r.effects, 'end_session')).toEqual([{ type: 'end_session', reason: 'resolved' }]);
    expect(r.trace).toEqual([{ nodeId: 'h', output: 'resolved' }]);
  });

  it('lint reports a loop through a business-hours wait, which may not wait at all', () => {
    const doc = {
      schemaVersion: 1,
      name: 'loop',
      triggers: [{ id: 't', type: 'manual' }],
      variables: [{ name: 'n', type: 'number', default: 0 }],
      nodes: [
        { id: 'a', type: 'set_variable', data: { assignments: [{ variable: 'n', value: 'n + 1' }] } },
        { id: 'w', type: 'wait', data: { mode: 'business_hours' } },
      ],
      edges: [
        { id: 'e0', source: 't', sourceHandle: 'next', target: 'a' },
        { id: 'e1', source: 'a', sourceHandle: 'next', target: 'w' },
        { id: 'e2', source: 'w', sourceHandle: 'next', target: 'a' },
      ],
    };
    expect(lint(doc).map((i) => i.code)).toContain('loop_without_wait');
    // and at run time, without business hours set, the budget stops it
    const parsed = parseFlow(doc);
    if (!parsed.ok) throw new Error('invalid');
    expect(effectsOf(Conversation.start(parsed.flow).last.effects, 'end_session')).toEqual([{ type: 'end_session', reason: 'step_budget_exceeded' }]);
  });

  it('keeps trigger data once in the state (at the top level), not again under event', () => {
    const flow = buildFlow({ nodes: [{ id: 'w', type: 'wait_for_event', data: { events: ['order.created'], within: { amount: 1, unit: 'days' } } }] });
    const c = Conversation.start(flow, { trigger: manual({ cart: { token: 't', items: [] } }) });
    expect(c.state.vars['event']).toEqual({ name: 'manual' });
    expect(c.state.vars['cart']).toEqual({ token: 't', items: [] });
    c.step(external('order.created', { id: 'o1' }));
    expect(c.state.vars['event']).toEqual({ id: 'o1' });
  });
});
