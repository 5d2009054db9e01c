import { parseFlow } from './parse-flow.js';

const minimal = {
  schemaVersion: 1,
  name: 'Hello',
  triggers: [{ id: 't', type: 'inbound_message', match: { kind: 'any' } }],
  nodes: [{ id: 'hi', type: 'message', data: { text: 'Hi!' } }],
  edges: [{ id: 'e', source: 't', sourceHandle: 'next', target: 'hi' }],
};

describe('parseFlow', () => {
  it('accepts a minimal document and fills the defaults', () => {
    const result = parseFlow(minimal);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.flow.settings).toEqual({ channels: ['whatsapp'], stepBudget: 200 });
    expect(result.flow.variables).toEqual([]);
    expect(result.flow.ui).toEqual({ positions: {}, viewport: { x: 0, y: 0, zoom: 1 } });
    expect(result).not.toHaveProperty('migratedFrom');
  });

  it('names the path of a misspelt field instead of ignoring it', () => {
    const result = parseFlow({ ...minimal, nodes: [{ id: 'hi', type: 'message', data: { txt: 'Hi!' } }] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContainEqual(expect.objectContaining({ path: 'nodes.0.data' }));
    expect(result.errors.map((e) => e.message).join(' ')).toMatch(/txt/);
  });

  it('names the field of a wrong type', () => {
    const result = parseFlow({ ...minimal, nodes: [{ id: 'w', type: 'wait', data: { mode: 'duration', duration: { amount: 'soon', unit: 'hours' } } }] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.path).toBe('nodes.0.data.duration.amount');
  });

  it('refuses an unknown node type with the path of the node', () => {
    const result = parseFlow({ ...minimal, nodes: [{ id: 'x', type: 'teleport', data: {} }] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.path).toMatch(/^nodes\.0/);
  });

  it('refuses ids that are not URL- and log-safe', () => {
    const result = parseFlow({ ...minimal, nodes: [{ id: 'a b', type: 'end', data: {} }] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toEqual({ path: 'nodes.0.id', message: expect.stringContaining('letters, digits') });
  });

  it('refuses reserved variable names', () => {
    const result = parseFlow({ ...minimal, variables: [{ name: 'contact', type: 'text' }] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toEqual({ path: 'variables.0.name', message: 'this name is reserved' });
  });

  it.each([null, 42, 'flow', [], {}])('reports %p as a clear error instead of throwing', (input) => {
    const result = parseFlow(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message.length).toBeGreaterThan(5);
  });
});
