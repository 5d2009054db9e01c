import { edge, end, flow, inbound, line, only, text, type NodeInput } from './__fixtures__/flows.js';
import { lint } from './lint.js';

describe('structure', () => {
  it('requires a trigger', () => {
    expect(only(lint(flow({ nodes: [text('a'), end()], edges: [edge('a', 'end')] })), 'no_trigger')).toHaveLength(1);
    expect(only(lint(flow({ triggers: [inbound()], nodes: [end()], edges: [edge('t1', 'end')] })), 'no_trigger')).toEqual([]);
  });

  it('requires each trigger to be connected', () => {
    const doc = flow({ triggers: [inbound('t1'), inbound('t2')], nodes: [end()], edges: [edge('t1', 'end')] });
    expect(only(lint(doc), 'trigger_not_connected')).toEqual([
      expect.objectContaining({ nodeId: 't2', severity: 'error', message: 'The inbound message trigger "t2" is not connected to any node, so it starts nothing.' }),
    ]);
  });

  describe('duplicate ids', () => {
    it('between nodes, and between a node and a trigger', () => {
      const doc = flow({ triggers: [inbound('t1')], nodes: [text('a'), text('a'), text('t1'), end()], edges: [edge('t1', 'a'), edge('a', 'end')] });
      expect(only(lint(doc), 'duplicate_id').map((i) => [i.nodeId, i.path])).toEqual([
        ['a', 'nodes.1.id'],
        ['t1', 'nodes.2.id'],
      ]);
    });

    it('between edges', () => {
      const e = edge('t1', 'end');
      const doc = flow({ triggers: [inbound()], nodes: [end()], edges: [e, { ...e, sourceHandle: 'other' }] });
      expect(only(lint(doc), 'duplicate_id')).toEqual([expect.objectContaining({ edgeId: e.id, path: 'edges.1.id' })]);
    });

    it.each<[string, NodeInput]>([
      ['buttons', { id: 'n', type: 'message', data: { text: 'x', buttons: [{ id: 'b', title: 'A' }, { id: 'b', title: 'B' }] } }],
      ['a button named like a built-in output', { id: 'n', type: 'message', data: { text: 'x', buttons: [{ id: 'other', title: 'A' }] } }],
      ['list rows across sections', { id: 'n', type: 'message', data: { text: 'x', list: { buttonLabel: 'See', sections: [{ rows: [{ id: 'r', title: 'A' }] }, { rows: [{ id: 'r', title: 'B' }] }] } } }],
      ['options', { id: 'n', type: 'question', data: { text: 'x', kind: 'choice', variable: 'v', options: [{ id: 'o', title: 'A' }, { id: 'o', title: 'B' }] } }],
      ['branches', { id: 'n', type: 'condition', data: { branches: [{ id: 'b', when: 'true' }, { id: 'b', when: 'false' }] } }],
      ['a branch called else', { id: 'n', type: 'condition', data: { branches: [{ id: 'else', when: 'true' }] } }],
      ['variants', { id: 'n', type: 'ab_split', data: { variants: [{ id: 'v', weight: 1 }, { id: 'v', weight: 1 }] } }],
      ['quick replies', { id: 'n', type: 'whatsapp_template', data: { name: 't', language: 'en', quickReplies: [{ index: 0, id: 'q', title: 'A' }, { index: 1, id: 'q', title: 'B' }] } }],
    ])('within a node: %s', (_what, node) => {
      const doc = flow({ triggers: [inbound()], nodes: [node], edges: [edge('t1', 'n')] });
      expect(only(lint(doc), 'duplicate_id')).toEqual([expect.objectContaining({ nodeId: 'n', path: 'nodes.0.data' })]);
    });

    it('not for distinct ids', () => {
      const node: NodeInput = { id: 'n', type: 'message', data: { text: 'x', buttons: [{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }] } };
      expect(only(lint(flow({ triggers: [inbound()], nodes: [node], edges: [edge('t1', 'n')] })), 'duplicate_id')).toEqual([]);
    });
  });

  describe('edges', () => {
    it('must start and end at existing nodes', () => {
      const doc = flow({ triggers: [inbound()], nodes: [end()], edges: [edge('t1', 'end'), edge('ghost', 'end'), edge('t1', 'nowhere', 'x'), edge('end', 't1', 'y')] });
      const issues = only(lint(doc), 'edge_missing_node');
      expect(issues.map((i) => i.edgeId)).toEqual(['e-ghost-next-end', 'e-t1-x-nowhere', 'e-end-y-t1']);
      expect(issues[2]?.message).toContain('is a trigger');
    });

    it('must leave by an output the source has', () => {
      const doc = flow({
        triggers: [inbound()],
        nodes: [text('a'), end()],
        edges: [edge('t1', 'a', 'go'), edge('t1', 'a'), edge('a', 'end', 'yes'), edge('a', 'end'), edge('end', 'a')],
      });
      const issues = only(lint(doc), 'edge_missing_handle');
      expect(issues.map((i) => [i.nodeId, i.handle])).toEqual([
        ['t1', 'go'],
        ['a', 'yes'],
        ['end', 'next'],
      ]);
      expect(issues[2]?.message).toContain('has no outputs');
    });

    it('may not leave the same output twice', () => {
      const doc = flow({
        triggers: [inbound()],
        nodes: [text('a'), text('b'), end()],
        edges: [edge('t1', 'a'), edge('a', 'b'), edge('a', 'end'), ...line(['b', 'end'])],
      });
      expect(only(lint(doc), 'duplicate_output')).toEqual([expect.objectContaining({ nodeId: 'a', handle: 'next', edgeId: 'e-a-next-end' })]);
    });
  });

  describe('regex triggers', () => {
    const regex = (pattern: string, flags?: string) =>
      flow({
        triggers: [{ id: 'rx', type: 'inbound_message', match: { kind: 'regex', pattern, ...(flags ? { flags } : {}) } }],
        nodes: [end()],
        edges: [edge('rx', 'end')],
      });

    it('must compile', () => {
      expect(only(lint(regex('(unclosed')), 'invalid_regex')).toEqual([
        expect.objectContaining({ nodeId: 'rx', path: 'triggers.0.match.pattern', severity: 'error' }),
      ]);
      expect(only(lint(regex('a', 'ii')), 'invalid_regex')).toHaveLength(1);
    });

    it('accepts a valid pattern', () => {
      expect(lint(regex('^(track|rastrear)\\b', 'iu'))).toEqual([]);
    });
  });
});
