import fc from 'fast-check';
import { cleanFlow, edge, end, flow, inbound, text } from './__fixtures__/flows.js';
import { hasErrors, lint, LINT_CODES, LINT_SEVERITY, type LintIssue } from './index.js';

function expectWellFormed(issues: readonly LintIssue[]): void {
  for (const i of issues) {
    expect(LINT_CODES).toContain(i.code);
    expect(i.severity).toBe(LINT_SEVERITY[i.code]);
    expect(typeof i.message).toBe('string');
    expect(i.message.length).toBeGreaterThan(0);
  }
}

describe('lint', () => {
  it('finds nothing in a clean flow', () => {
    expect(lint(cleanFlow())).toEqual([]);
  });

  it('finds nothing in the smallest useful flow', () => {
    expect(lint(flow({ triggers: [inbound()], nodes: [text('hi'), end()], edges: [edge('t1', 'hi'), edge('hi', 'end')] }))).toEqual([]);
  });

  it('does not modify its input', () => {
    const input = cleanFlow();
    const copy = structuredClone(input);
    lint(input);
    expect(input).toEqual(copy);
  });

  it('separates errors from warnings', () => {
    expect(hasErrors([])).toBe(false);
    expect(hasErrors([{ code: 'dead_end', severity: 'warning', message: 'x' }])).toBe(false);
    expect(hasErrors([{ code: 'no_trigger', severity: 'error', message: 'x' }])).toBe(true);
  });

  it('reports unreadable input instead of throwing', () => {
    const cyclic: Record<string, unknown> = { schemaVersion: 1, name: 'x', triggers: [], nodes: [], edges: [] };
    cyclic['variables'] = [{ name: 'a', type: 'object', default: cyclic }];
    for (const input of [null, undefined, 42, 'flow', [], {}, cyclic]) {
      const issues = lint(input);
      expect(issues.length).toBeGreaterThan(0);
      expect(hasErrors(issues)).toBe(true);
      expectWellFormed(issues);
    }
  });

  describe('properties', () => {
    it('never throws on arbitrary values', () => {
      fc.assert(
        fc.property(fc.oneof(fc.anything(), fc.jsonValue()), (input) => {
          expectWellFormed(lint(input));
        }),
        { numRuns: 300 },
      );
    });

    it('never throws on documents with arbitrary parts', () => {
      const base = cleanFlow();
      fc.assert(
        fc.property(fc.constantFrom('triggers', 'nodes', 'edges', 'variables', 'settings', 'ui'), fc.jsonValue(), (key, value) => {
          expectWellFormed(lint({ ...base, [key]: value }));
        }),
        { numRuns: 200 },
      );
    });

    it('never throws on mutated valid flows, and keeps schema-valid mutants past the schema', () => {
      const base = cleanFlow();
      const nodeIds = base.nodes.map((n) => n.id);
      const anchors = [...nodeIds, ...base.triggers.map((t) => t.id), 'ghost'];
      const handles = ['next', 'timeout', 'else', 'vip', 'b_track', 'q_buy', 'received', 'success', 'nope'];
      const mutation = fc.oneof(
        fc.record({ kind: fc.constant('drop_edge' as const), at: fc.nat() }),
        fc.record({ kind: fc.constant('dup_edge' as const), at: fc.nat() }),
        fc.record({ kind: fc.constant('drop_node' as const), at: fc.nat() }),
        fc.record({ kind: fc.constant('dup_node' as const), at: fc.nat() }),
        fc.record({
          kind: fc.constant('rewire' as const),
          at: fc.nat(),
          source: fc.constantFrom(...anchors),
          target: fc.constantFrom(...anchors),
          handle: fc.constantFrom(...handles),
        }),
      );
      fc.assert(
        fc.property(fc.array(mutation, { maxLength: 12 }), (mutations) => {
          const doc = structuredClone(base);
          for (const m of mutations) {
            const { edges, nodes } = doc;
            const e = edges[m.at % Math.max(edges.length, 1)];
            const n = nodes[m.at % Math.max(nodes.length, 1)];
            if (m.kind === 'drop_edge' && e) edges.splice(edges.indexOf(e), 1);
            if (m.kind === 'dup_edge' && e) edges.push(structuredClone(e));
            if (m.kind === 'drop_node' && n) nodes.splice(nodes.indexOf(n), 1);
            if (m.kind === 'dup_node' && n) nodes.push(structuredClone(n));
            if (m.kind === 'rewire' && e) Object.assign(e, { source: m.source, target: m.target, sourceHandle: m.handle });
          }
          const issues = lint(doc);
          expectWellFormed(issues);
          // Rewiring keeps ids schema-valid, so the graph rules run (no schema errors, no crash).
          expect(issues.filter((i) => ['invalid_document', 'invalid_config', 'lint_failed'].includes(i.code))).toEqual([]);
        }),
        { numRuns: 300 },
      );
    });
  });
});
