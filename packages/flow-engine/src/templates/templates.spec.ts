import { lint } from '../lint/index.js';
import { parseFlow } from '../schema/parse-flow.js';
import { JOURNEY_TEMPLATES } from './index.js';

describe.each(JOURNEY_TEMPLATES.map((t) => [t.id, t] as const))('journey template %s', (_id, template) => {
  it.each(['pt-BR', 'en'] as const)('parses and is lint-clean in %s (no errors, no warnings)', (locale) => {
    const doc = template.build(locale);
    const parsed = parseFlow(doc);
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    expect(lint(doc)).toEqual([]);
  });

  it('has a name and description in both languages', () => {
    for (const locale of ['pt-BR', 'en'] as const) {
      expect(template.name[locale].length).toBeGreaterThan(3);
      expect(template.description[locale].length).toBeGreaterThan(20);
    }
  });

  it('places every node and trigger on the canvas', () => {
    const doc = template.build('pt-BR');
    const positioned = Object.keys(doc.ui?.positions ?? {}).sort();
    expect(positioned).toEqual([...doc.nodes.map((n) => n.id), ...doc.triggers.map((t) => t.id)].sort());
  });

  it('builds a new document each time (callers may edit it)', () => {
    expect(template.build('pt-BR')).not.toBe(template.build('pt-BR'));
    expect(template.build('pt-BR')).toEqual(template.build('pt-BR'));
  });
});

it('offers the three journeys in order', () => {
  expect(JOURNEY_TEMPLATES.map((t) => t.id)).toEqual(['visitor-question', 'cart-recovery', 'post-purchase']);
});
