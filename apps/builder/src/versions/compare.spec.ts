import { JOURNEY_TEMPLATES, summarizeDiff } from '@jornada/flow-engine';
import { diffDocuments } from './compare.js';

const cartRecovery = () => {
  const template = JOURNEY_TEMPLATES.find((item) => item.id === 'cart-recovery');
  if (template === undefined) throw new Error('no cart-recovery template');
  return JSON.parse(JSON.stringify(template.build('en'))) as { nodes: { id: string; type: string; label?: string; data: Record<string, unknown> }[]; ui?: unknown };
};

describe('diffDocuments', () => {
  it('finds a removed box and a changed text, and summarizes them in both languages', () => {
    const before = cartRecovery();
    const after = cartRecovery();
    const removed = after.nodes.pop();
    const message = after.nodes.find((node) => node.type === 'message');
    if (removed === undefined || message === undefined) throw new Error('template without nodes');
    message.data = { ...message.data, text: 'A new text' };
    const result = diffDocuments(before, after);
    if (!result.ok) throw new Error(result.reason);
    expect(result.diff.nodes.removed.map((node) => node.id)).toEqual([removed.id]);
    expect(result.diff.nodes.changed.map((node) => node.id)).toContain(message.id);
    expect(summarizeDiff(result.diff, 'en').some((line) => line.startsWith('Removed'))).toBe(true);
    expect(summarizeDiff(result.diff, 'pt-BR').some((line) => / removid[ao]/.test(line))).toBe(true);
  });

  it('reports identical documents as no change', () => {
    const result = diffDocuments(cartRecovery(), cartRecovery());
    expect(result.ok && result.diff.summary).toEqual({ added: 0, removed: 0, changed: 0 });
  });

  it('names the problem of a document that does not parse', () => {
    const broken = { ...cartRecovery(), nodes: 'not a list' };
    expect(diffDocuments(cartRecovery(), broken)).toEqual({ ok: false, reason: expect.stringContaining('nodes') });
  });
});
