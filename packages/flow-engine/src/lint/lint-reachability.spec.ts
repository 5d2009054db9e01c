import { edge, end, flow, inbound, only, text, type NodeInput } from './__fixtures__/flows.js';
import { lint } from './lint.js';

describe('unreachable nodes', () => {
  it('warns about nodes no trigger leads to', () => {
    const doc = flow({
      triggers: [inbound()],
      nodes: [text('a'), text('lost', 'Hi', 'Lost'), text('after'), end()],
      edges: [edge('t1', 'a'), edge('a', 'end'), edge('lost', 'after'), edge('after', 'end')],
    });
    expect(only(lint(doc), 'unreachable_node')).toEqual([
      expect.objectContaining({ nodeId: 'lost', severity: 'warning', message: 'The "Lost" message can never run: no trigger leads to it.' }),
      expect.objectContaining({ nodeId: 'after' }),
    ]);
  });

  it('follows template quick replies', () => {
    const tpl: NodeInput = { id: 'tp', type: 'whatsapp_template', data: { name: 'a', language: 'en', quickReplies: [{ index: 0, id: 'yes', title: 'Yes' }] } };
    const doc = flow({ triggers: [inbound()], nodes: [tpl, text('m'), end()], edges: [edge('t1', 'tp'), edge('tp', 'end'), edge('tp', 'm', 'yes'), edge('m', 'end')] });
    expect(only(lint(doc), 'unreachable_node')).toEqual([]);
  });

  it('does not follow connections the engine cannot take', () => {
    const doc = flow({
      triggers: [inbound()],
      nodes: [text('a'), text('b'), text('c'), end()],
      // a -> b by a handle "a" does not have; a's second "next" edge to c is never taken.
      edges: [edge('t1', 'a'), edge('a', 'end'), edge('a', 'b', 'yes'), edge('a', 'c'), edge('b', 'end'), edge('c', 'end')],
    });
    expect(only(lint(doc), 'unreachable_node').map((i) => i.nodeId)).toEqual(['b', 'c']);
  });

  it('stays quiet when the flow has no trigger at all', () => {
    expect(only(lint(flow({ nodes: [text('a'), end()], edges: [edge('a', 'end')] })), 'unreachable_node')).toEqual([]);
  });
});
