import { edge, end, flow, inbound, only, text, type EdgeInput, type NodeInput } from './__fixtures__/flows.js';
import { lint } from './lint.js';

const run = (nodes: NodeInput[], edges: EdgeInput[]) =>
  lint(flow({ triggers: [inbound()], nodes: [...nodes, end()], edges: [edge('t1', nodes[0]?.id ?? 'end'), ...edges] }));
const hour = { amount: 1, unit: 'hours' } as const;

describe('dead ends', () => {
  it('reports each open output, with its handle', () => {
    const cond: NodeInput = { id: 'c', type: 'condition', label: 'VIP?', data: { branches: [{ id: 'vip', when: 'true' }, { id: 'new', when: 'false' }] } };
    const issues = only(run([cond], [edge('c', 'end', 'new')]), 'dead_end');
    expect(issues.map((i) => i.handle)).toEqual(['vip', 'else']);
    expect(issues[0]).toMatchObject({ severity: 'warning', nodeId: 'c', message: 'The "vip" output of the "VIP?" condition is not connected: the conversation ends there.' });
  });

  it('accepts optional outputs, timeouts and replies left open, and final nodes', () => {
    const nodes: NodeInput[] = [
      { id: 'q', type: 'question', data: { text: '?', kind: 'text', variable: 'v', timeout: hour } },
      { id: 'w', type: 'wait_for_event', data: { events: ['x'], within: hour, interruptOnReply: true } },
      { id: 'h', type: 'handoff', data: { reason: 'help' } },
      { id: 'tp', type: 'whatsapp_template', data: { name: 'a', language: 'en', quickReplies: [{ index: 0, id: 'q1', title: 'Yes' }] } },
      { id: 'j', type: 'jump_to_flow', data: { flowId: 'other' } },
    ];
    const edges = [edge('q', 'w'), edge('w', 'h', 'received'), edge('q', 'tp', 'timeout'), edge('tp', 'j')];
    expect(only(run(nodes, edges), 'dead_end')).toEqual([]);
  });

  it('reports the next output of a plain message', () => {
    expect(only(run([text('m')], []), 'dead_end').map((i) => i.handle)).toEqual(['next']);
  });
});

describe('questions without a timeout', () => {
  const cases: Array<[string, NodeInput]> = [
    ['question', { id: 'n', type: 'question', data: { text: '?', kind: 'text', variable: 'v' } }],
    ['survey', { id: 'n', type: 'survey', data: { kind: 'csat', text: '?' } }],
    ['message with buttons', { id: 'n', type: 'message', data: { text: '?', buttons: [{ id: 'b', title: 'B' }] } }],
    ['message with a list', { id: 'n', type: 'message', data: { text: '?', list: { buttonLabel: 'See', sections: [{ rows: [{ id: 'r', title: 'R' }] }] } } }],
  ];

  it.each(cases)('warns about a %s without a timeout', (_what, node) => {
    expect(only(run([node], []), 'question_without_timeout')).toEqual([expect.objectContaining({ nodeId: 'n', severity: 'warning' })]);
  });

  it.each(cases)('warns about a %s whose timeout leads nowhere', (_what, node) => {
    const timed = { ...node, data: { ...node.data, timeout: hour } } as NodeInput;
    expect(only(run([timed], []), 'question_without_timeout')).toEqual([expect.objectContaining({ nodeId: 'n', handle: 'timeout' })]);
    expect(only(run([timed], [edge('n', 'end', 'timeout')]), 'question_without_timeout')).toEqual([]);
  });

  it('does not apply to a plain message', () => {
    expect(only(run([text('m')], [edge('m', 'end')]), 'question_without_timeout')).toEqual([]);
  });
});
