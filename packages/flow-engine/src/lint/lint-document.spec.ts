import { edge, flow, inbound, only, text } from './__fixtures__/flows.js';
import { lint } from './lint.js';

describe('schema validation', () => {
  it.each([null, 3, 'text', [], true])('reports %p as an invalid document', (input) => {
    const issues = lint(input);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every((i) => i.code === 'invalid_document' && i.severity === 'error')).toBe(true);
  });

  it('gives one issue per schema problem, with its path', () => {
    const issues = lint({ schemaVersion: 1, triggers: [], nodes: [], edges: [] });
    expect(issues).toEqual([expect.objectContaining({ code: 'invalid_document', path: 'name' })]);
  });

  it('points node problems at the node, by its label', () => {
    const doc = flow({
      triggers: [inbound()],
      nodes: [text('n0'), { id: 'menu', type: 'message', label: 'Menu', data: { text: 'Pick', buttons: [{ id: 'b1', title: '' }] } }],
      edges: [edge('t1', 'n0')],
    });
    const issues = lint(doc);
    expect(issues).toEqual([
      expect.objectContaining({ code: 'invalid_config', nodeId: 'menu', path: 'nodes.1.data.buttons.0.title' }),
    ]);
    expect(issues[0]?.message).toMatch(/^The "Menu" message is not set up correctly: .*\(at data\.buttons\.0\.title\)\.$/);
  });

  it('reports refinements on the node data', () => {
    const issues = lint(flow({ triggers: [inbound()], nodes: [{ id: 'n1', type: 'message', data: {} }] }));
    expect(issues).toEqual([expect.objectContaining({ code: 'invalid_config', nodeId: 'n1', path: 'nodes.0.data' })]);
  });

  it('points trigger problems at the trigger and edge problems at the edge', () => {
    const doc = flow({
      triggers: [{ id: 'tk', type: 'inbound_message', match: { kind: 'keyword', keywords: [] } }],
      edges: [{ id: 'e1', source: 'tk', sourceHandle: 'next', target: 'bad id!' }],
    });
    const issues = lint(doc);
    expect(only(issues, 'invalid_config')).toEqual([expect.objectContaining({ nodeId: 'tk', path: 'triggers.0.match.keywords' })]);
    expect(only(issues, 'invalid_document')).toEqual([expect.objectContaining({ edgeId: 'e1', path: 'edges.0.target' })]);
  });

  it('runs no other rule on a document that does not parse', () => {
    const issues = lint({ ...flow(), name: '' });
    expect(issues.map((i) => i.code)).toEqual(['invalid_document']);
  });
});
