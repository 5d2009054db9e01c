// Property-based: random edits of the journey templates. A document never differs from itself,
// and diffing the other way round mirrors every list (added <-> removed, before <-> after).
import fc from 'fast-check';
import type { FlowDocument } from '../schema/flow-document.schema.js';
import { JOURNEY_TEMPLATES, type TemplateLocale } from '../templates/index.js';
import { template } from './__fixtures__/documents.js';
import { diffFlows, summarizeDiff, type FieldChange, type FlowDiff } from './index.js';

type Mutation = (doc: FlowDocument) => void;

const pick = <T>(items: T[], i: number): T | undefined => items[i % Math.max(items.length, 1)];

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((i): Mutation => (d) => void d.nodes.splice(i % Math.max(d.nodes.length, 1), 1)),
  fc.tuple(fc.nat(), fc.string({ maxLength: 8 })).map(([i, label]): Mutation => (d) => {
    const node = pick(d.nodes, i);
    if (node) node.label = label;
  }),
  fc.tuple(fc.nat(), fc.string({ minLength: 1, maxLength: 12 })).map(([i, text]): Mutation => (d) => {
    const node = pick(d.nodes, i);
    if (node?.type === 'message') node.data.text = text;
  }),
  fc.nat().map((i): Mutation => (d) => {
    const at = i % Math.max(d.nodes.length, 1);
    const node = d.nodes[at];
    if (node) d.nodes[at] = { id: node.id, type: 'end', data: { reason: 'cut' } };
  }),
  fc.constantFrom('n_new', 'n_other').map((id): Mutation => (d) => void d.nodes.push({ id, type: 'end', data: {} })),
  fc.nat().map((i): Mutation => (d) => void d.edges.splice(i % Math.max(d.edges.length, 1), 1)),
  fc.nat().map((i): Mutation => (d) => {
    const edge = pick(d.edges, i);
    if (edge) edge.id = `${edge.id}_v2`;
  }),
  fc.tuple(fc.nat(), fc.nat()).map(([i, j]): Mutation => (d) => {
    const edge = pick(d.edges, i);
    const target = pick(d.nodes, j);
    if (edge && target) edge.target = target.id;
  }),
  fc.tuple(fc.nat(), fc.nat()).map(([i, j]): Mutation => (d) => {
    const source = pick(d.nodes, i);
    const target = pick(d.nodes, j);
    if (source && target) d.edges.push({ id: `x_${d.edges.length}`, source: source.id, sourceHandle: 'next', target: target.id });
  }),
  fc.constantFrom('v_new', 'coupon_code').map((name): Mutation => (d) => void d.variables.push({ name, type: 'text', default: name })),
  fc.nat().map((i): Mutation => (d) => void d.variables.splice(i % Math.max(d.variables.length, 1), 1)),
  fc.integer({ min: 10, max: 500 }).map((stepBudget): Mutation => (d) => void (d.settings.stepBudget = stepBudget)),
  fc.string({ minLength: 1, maxLength: 10 }).map((name): Mutation => (d) => void (d.name = name)),
  fc.constant<Mutation>((d) => void (d.triggers = [{ id: 'manual', type: 'manual' }])),
  fc.tuple(fc.nat(), fc.integer(), fc.integer()).map(([i, x, y]): Mutation => (d) => {
    const id = pick(Object.keys(d.ui.positions), i);
    if (id !== undefined) d.ui.positions[id] = { x, y };
  }),
  fc.constant<Mutation>((d) => void d.nodes.reverse()),
);

const docArb = fc.tuple(fc.constantFrom(...JOURNEY_TEMPLATES.map((t) => t.id)), fc.constantFrom<TemplateLocale>('pt-BR', 'en'));

const swap = (changes: readonly FieldChange[]): FieldChange[] => changes.map(({ path, before, after }) => ({ path, before: after, after: before }));

/** What diff(b, a) must be, given diff(a, b). */
function mirrored(diff: FlowDiff): FlowDiff {
  const { nodes, edges, triggers, variables, summary } = diff;
  return {
    nodes: { added: nodes.removed, removed: nodes.added, changed: nodes.changed.map((n) => ({ ...n, fields: swap(n.fields) })) },
    edges: { added: edges.removed, removed: edges.added },
    triggers: { added: triggers.removed, removed: triggers.added, changed: triggers.changed.map((t) => ({ ...t, fields: swap(t.fields) })) },
    variables: { added: variables.removed, removed: variables.added, changed: variables.changed },
    settings: swap(diff.settings),
    meta: swap(diff.meta),
    layoutOnly: diff.layoutOnly,
    summary: { added: summary.removed, removed: summary.added, changed: summary.changed },
  };
}

/** Node `type`/`label` in a changed entry are the newer ones, so compare those lists by id and fields. */
const comparable = (diff: FlowDiff) => ({
  ...diff,
  nodes: { ...diff.nodes, changed: diff.nodes.changed.map(({ id, fields }) => ({ id, fields })) },
  triggers: { ...diff.triggers, changed: diff.triggers.changed.map(({ id, fields }) => ({ id, fields })) },
});

describe('diffFlows properties', () => {
  it('finds nothing between a document and itself or a copy', () => {
    fc.assert(
      fc.property(docArb, fc.array(mutationArb, { maxLength: 6 }), ([id, locale], mutations) => {
        const doc = template(id, locale);
        for (const mutate of mutations) mutate(doc);
        for (const other of [doc, structuredClone(doc)]) {
          const diff = diffFlows(doc, other);
          expect(diff.summary).toEqual({ added: 0, removed: 0, changed: 0 });
          expect(diff.layoutOnly).toBe(false);
          expect(summarizeDiff(diff, locale)).toEqual([]);
        }
      }),
    );
  });

  it('mirrors: diff(b, a) swaps added/removed and before/after of diff(a, b)', () => {
    fc.assert(
      fc.property(docArb, fc.array(mutationArb, { minLength: 1, maxLength: 8 }), ([id, locale], mutations) => {
        const a = template(id, locale);
        const b = structuredClone(a);
        for (const mutate of mutations) mutate(b);
        const forward = diffFlows(a, b);
        expect(comparable(diffFlows(b, a))).toEqual(comparable(mirrored(forward)));
        const ids = (doc: FlowDocument) => new Set(doc.nodes.map((n) => n.id));
        for (const n of forward.nodes.added) expect(ids(a).has(n.id)).toBe(false);
        for (const n of forward.nodes.removed) expect(ids(b).has(n.id)).toBe(false);
        for (const lang of ['en', 'pt-BR'] as const) expect(summarizeDiff(forward, lang).length).toBeLessThanOrEqual(
          forward.summary.added + forward.summary.removed + forward.summary.changed + 1,
        );
      }),
    );
  });
});
