import { buildFlow, textMessage } from '../test-support/flow-builder.js';
import { Conversation } from '../test-support/session.js';

const flow = buildFlow({
  nodes: [
    { id: 'split', type: 'ab_split', data: { variants: [{ id: 'a', weight: 20 }, { id: 'b', weight: 30 }, { id: 'c', weight: 50 }] } },
    textMessage('m_a', 'A'),
    textMessage('m_b', 'B'),
    textMessage('m_c', 'C'),
  ],
  edges: [
    ['split', 'a', 'm_a'],
    ['split', 'b', 'm_b'],
    ['split', 'c', 'm_c'],
  ],
});

function variantFor(contactId: string, sessionId = 'sess'): string | undefined {
  const c = Conversation.start(flow, { context: { sessionId, contact: { id: contactId } } });
  return c.last.trace.find((t) => t.nodeId === 'split')?.output;
}

describe('ab_split node', () => {
  it('is stable per contact: the same contact lands in the same variant on every run and session', () => {
    for (const id of ['c-1', 'c-2', 'c-3', 'maria@example.com', '5511987654321']) {
      const first = variantFor(id, 's1');
      expect(['a', 'b', 'c']).toContain(first);
      expect(variantFor(id, 's2')).toBe(first);
      expect(variantFor(id, 's3')).toBe(first);
    }
  });

  it('follows the weights over 2,000 contacts', () => {
    const counts: Record<string, number> = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 2000; i += 1) {
      const v = variantFor(`contact-${i}`);
      if (v !== undefined) counts[v] = (counts[v] ?? 0) + 1;
    }
    expect((counts['a'] ?? 0) + (counts['b'] ?? 0) + (counts['c'] ?? 0)).toBe(2000);
    // Expected 400 / 600 / 1000; 4 standard deviations is about ±80.
    expect(Math.abs((counts['a'] ?? 0) - 400)).toBeLessThan(80);
    expect(Math.abs((counts['b'] ?? 0) - 600)).toBeLessThan(90);
    expect(Math.abs((counts['c'] ?? 0) - 1000)).toBeLessThan(95);
  });
});
