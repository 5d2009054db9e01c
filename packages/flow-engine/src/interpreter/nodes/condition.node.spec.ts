import { buildFlow, textMessage } from '../test-support/flow-builder.js';
import { Conversation, manual, sentTexts } from '../test-support/session.js';

const flow = buildFlow({
  nodes: [
    {
      id: 'route',
      type: 'condition',
      data: {
        branches: [
          { id: 'vip', when: 'contact.tags contains "vip"' },
          { id: 'big', when: 'cart.total > 100' },
        ],
      },
    },
    textMessage('m_vip', 'vip'),
    textMessage('m_big', 'big'),
    textMessage('m_else', 'else'),
  ],
  edges: [
    ['route', 'vip', 'm_vip'],
    ['route', 'big', 'm_big'],
    ['route', 'else', 'm_else'],
  ],
});

function run(tags: string[], total: number) {
  return Conversation.start(flow, { trigger: manual({ cart: { total } }), context: { contact: { tags } } }).last;
}

describe('condition node', () => {
  it('takes the first branch that holds, in order', () => {
    const r = run(['VIP'], 150);
    expect(r.trace).toContainEqual({ nodeId: 'route', output: 'vip' });
    expect(sentTexts(r.effects)).toEqual(['vip']);
  });

  it('skips branches that do not hold', () => {
    expect(sentTexts(run([], 150).effects)).toEqual(['big']);
  });

  it('takes "else" when no branch holds', () => {
    const r = run(['novo'], 99);
    expect(r.trace).toContainEqual({ nodeId: 'route', output: 'else' });
    expect(sentTexts(r.effects)).toEqual(['else']);
  });

  it('treats a branch that cannot be evaluated (missing data, syntax error) as not holding', () => {
    const broken = buildFlow({
      nodes: [
        { id: 'route', type: 'condition', data: { branches: [{ id: 'a', when: 'cart.total >' }, { id: 'b', when: 'nothing.here > 1' }] } },
        textMessage('m_else', 'else'),
      ],
      edges: [['route', 'else', 'm_else']],
    });
    expect(sentTexts(Conversation.start(broken).last.effects)).toEqual(['else']);
  });
});
