import { buildFlow, setVars, textMessage } from '../test-support/flow-builder.js';
import { Conversation, effectsOf, manual, sentTexts } from '../test-support/session.js';

describe('set_variable node', () => {
  it('evaluates expressions in order: later assignments see earlier ones', () => {
    const flow = buildFlow({
      nodes: [
        setVars('calc', {
          discount: 'cart.total * 0.1',
          total: 'cart.total - discount',
          greeting: '"Olá, " + contact.first_name',
          vip: 'total >= 100',
          missing: 'nothing.at.all',
        }),
        textMessage('say', '{{greeting}}: {{total}} ({{discount}})'),
      ],
      edges: [['calc', 'next', 'say']],
    });
    const c = Conversation.start(flow, { trigger: manual({ cart: { total: 150 } }) });
    expect(c.state.vars).toMatchObject({ discount: 15, total: 135, greeting: 'Olá, Maria', vip: true, missing: null });
    expect(c.last.trace).toContainEqual({ nodeId: 'calc', output: 'next' });
    expect(effectsOf(c.last.effects, 'set_contact')).toEqual([]);
    expect(sentTexts(c.last.effects)[0]).toMatch(/^Olá, Maria: 135/);
  });

  it('writes contact.attributes.x with one set_contact effect and updates the session copy of the contact', () => {
    const flow = buildFlow({
      nodes: [
        setVars('save', {
          'contact.attributes.level': '"gold"',
          'contact.attributes.points': 'cart.total * 2',
          seen_level: 'contact.attributes.level',
        }),
        {
          id: 'check',
          type: 'condition',
          data: { branches: [{ id: 'gold', when: 'contact.attributes.level == "gold" && contact.attributes.since == 2020' }] },
        },
        textMessage('gold', 'gold'),
      ],
      edges: [
        ['save', 'next', 'check'],
        ['check', 'gold', 'gold'],
      ],
    });
    const c = Conversation.start(flow, { trigger: manual({ cart: { total: 150 } }), context: { contact: { attributes: { since: 2020 } } } });
    expect(effectsOf(c.last.effects, 'set_contact')).toEqual([{ type: 'set_contact', attributes: { level: 'gold', points: 300 } }]);
    expect(c.state.vars['contact']).toMatchObject({ id: 'contact-1', attributes: { since: 2020, level: 'gold', points: 300 } });
    expect(c.state.vars['seen_level']).toBe('gold');
    expect(sentTexts(c.last.effects)).toEqual(['gold']);
  });
});
