import { buildFlow, textMessage } from '../test-support/flow-builder.js';
import { Conversation, effectsOf, sentTexts } from '../test-support/session.js';

describe('tag node', () => {
  it('emits the tag effect and updates the session copy of the contact, so conditions see it', () => {
    const flow = buildFlow({
      nodes: [
        { id: 'tag', type: 'tag', data: { add: ['promoter', 'vip'], remove: ['detractor'] } },
        { id: 'check', type: 'condition', data: { branches: [{ id: 'yes', when: 'contact.tags contains "promoter" && !(contact.tags contains "detractor")' }] } },
        textMessage('yes', 'promotor'),
      ],
      edges: [
        ['tag', 'next', 'check'],
        ['check', 'yes', 'yes'],
      ],
    });
    const c = Conversation.start(flow, { context: { contact: { tags: ['detractor', 'vip', 'newsletter'] } } });
    expect(effectsOf(c.last.effects, 'tag')).toEqual([{ type: 'tag', add: ['promoter', 'vip'], remove: ['detractor'] }]);
    expect(c.state.vars['contact']).toMatchObject({ tags: ['vip', 'newsletter', 'promoter'] });
    expect(sentTexts(c.last.effects)).toEqual(['promotor']);
  });
});
