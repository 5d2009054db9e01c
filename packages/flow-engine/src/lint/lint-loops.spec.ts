import { edge, end, flow, inbound, only, type EdgeInput, type NodeInput } from './__fixtures__/flows.js';
import { lint } from './lint.js';
import { stronglyConnected } from './lint-loops.js';

const setVar = (id: string): NodeInput => ({ id, type: 'set_variable', data: { assignments: [{ variable: 'n', value: '1' }] } });
const check = (id: string): NodeInput => ({ id, type: 'condition', data: { branches: [{ id: 'again', when: 'n < 3' }] } });
const loops = (nodes: NodeInput[], edges: EdgeInput[]) =>
  only(lint(flow({ triggers: [inbound()], nodes: [...nodes, end()], edges: [edge('t1', nodes[0]?.id ?? 'end'), ...edges] })), 'loop_without_wait');

describe('loops without a wait', () => {
  it('reports each node of a cycle that never waits, once', () => {
    const issues = loops([setVar('a'), check('b')], [edge('a', 'b'), edge('b', 'a', 'again'), edge('b', 'end', 'else')]);
    expect(issues.map((i) => i.nodeId)).toEqual(['a', 'b']);
    expect(issues[0]).toMatchObject({ severity: 'error', params: { size: 2 } });
  });

  it('reports a node connected to itself', () => {
    expect(loops([check('b')], [edge('b', 'b', 'again'), edge('b', 'end', 'else')]).map((i) => i.nodeId)).toEqual(['b']);
  });

  it('counts an HTTP request as not waiting', () => {
    const http: NodeInput = { id: 'h', type: 'http_request', data: { method: 'GET', url: 'https://x.example' } };
    expect(loops([http], [edge('h', 'end', 'success'), edge('h', 'h', 'error')]).map((i) => i.nodeId)).toEqual(['h']);
  });

  it('accepts a cycle through a node that waits', () => {
    const ask: NodeInput = { id: 'q', type: 'question', data: { text: 'n?', kind: 'number', variable: 'n' } };
    expect(loops([ask, check('b')], [edge('q', 'b'), edge('b', 'q', 'again'), edge('b', 'end', 'else')])).toEqual([]);
  });

  it('ignores template quick replies, which are taken on a later message', () => {
    const tpl: NodeInput = { id: 'tp', type: 'whatsapp_template', data: { name: 'x', language: 'en', quickReplies: [{ index: 0, id: 'again', title: 'Again' }] } };
    expect(loops([tpl], [edge('tp', 'end'), edge('tp', 'tp', 'again')])).toEqual([]);
    expect(loops([tpl], [edge('tp', 'tp')]).map((i) => i.nodeId)).toEqual(['tp']);
  });

  it('finds components in long chains without overflowing the stack', () => {
    const n = 50_000;
    const ids = Array.from({ length: n }, (_, i) => `n${i}`);
    const next = (id: string) => [`n${(Number(id.slice(1)) + 1) % n}`];
    const components = stronglyConnected(ids, next);
    expect(components).toHaveLength(1);
    expect(components[0]).toHaveLength(n);
    expect(stronglyConnected(['a', 'b', 'c'], (id) => (id === 'a' ? ['b'] : id === 'b' ? ['a', 'c'] : []))).toEqual([['c'], ['b', 'a']]);
  });
});
