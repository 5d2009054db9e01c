import { buildFlow, chain, endNode, textMessage } from '../test-support/flow-builder.js';
import { Conversation, effectsOf, sentTexts } from '../test-support/session.js';

describe('end node', () => {
  it('ends the session with reason end_node; the state is ended and waits for nothing', () => {
    const flow = buildFlow({ nodes: [textMessage('bye', 'tchau'), endNode('done')], edges: chain('bye', 'done') });
    const c = Conversation.start(flow);
    expect(sentTexts(c.last.effects)).toEqual(['tchau']);
    expect(effectsOf(c.last.effects, 'end_session')).toEqual([{ type: 'end_session', reason: 'end_node' }]);
    expect(c.last.trace).toEqual([
      { nodeId: 'start', output: 'next' },
      { nodeId: 'bye', output: 'next' },
      { nodeId: 'done' },
    ]);
    expect(c.state).toMatchObject({ status: 'ended', wait: null, endedReason: 'end_node' });
  });
});
