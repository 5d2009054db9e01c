import fc from 'fast-check';
import { EN, PT } from './__fixtures__/env.js';
import { collectReferences } from './collect-references.js';
import { evaluate } from './evaluate.js';
import { formatCurrency, formatDate } from './format.js';
import { parseExpression } from './parse-expression.js';
import { parseTemplate } from './parse-template.js';
import { renderTemplate } from './render-template.js';
import type { Expr, FormatEnv, Scope } from './types.js';

// Strings built from the language's own vocabulary find far more parser paths than
// uniformly random text does.
const fragment = fc.constantFrom(
  'a', 'b.c', 'x[0]', '"s"', "'t'", '1', '2.5', '(', ')', '[', ']', ',', '.', '?', ':', '!', '-', '+', '*', '/', '%',
  '==', '!=', '<', '>=', '&&', '||', '|', 'and', 'or', 'not', 'contains', 'in', 'startsWith', 'lower(', 'round(',
  'max(', 'coalesce(', 'null', 'true', '__proto__', 'constructor', '{{', '}}', ' ', 'upper', 'default:', 'currency',
  'truncate:', '\\', '"', 'é',
);
const sourceLike = fc.oneof(fc.string({ maxLength: 60 }), fc.array(fragment, { maxLength: 25 }).map((parts) => parts.join('')));
const scopeArb = fc.dictionary(fc.constantFrom('a', 'b', 'x', 'contact', 'cart'), fc.jsonValue({ maxDepth: 4 })) as fc.Arbitrary<Scope>;
const envArb = fc.constantFrom<FormatEnv>(PT, EN, { locale: 'xx', currency: '???', timezone: 'Nowhere/Else' });

// Hand-built ASTs, including ones the parser would never produce.
const { expr: exprArb } = fc.letrec<{ expr: unknown }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ type: fc.constant('literal'), value: fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null)) }),
    fc.record({ type: fc.constant('variable'), name: fc.constantFrom('a', 'b', 'x', 'contact', '__proto__', 'constructor') }),
    fc.record({ type: fc.constant('member'), object: tie('expr'), key: fc.constantFrom('a', 'b', 'length', '0', 'toString', '__proto__') }),
    fc.record({ type: fc.constant('index'), object: tie('expr'), index: tie('expr') }),
    fc.record({ type: fc.constant('unary'), operator: fc.constantFrom('!', '-'), operand: tie('expr') }),
    fc.record({
      type: fc.constant('binary'),
      operator: fc.constantFrom('==', '!=', '<', '<=', '>', '>=', '+', '-', '*', '/', '%', 'contains', 'in', 'startsWith', 'endsWith'),
      left: tie('expr'),
      right: tie('expr'),
    }),
    fc.record({ type: fc.constant('logical'), operator: fc.constantFrom('&&', '||'), left: tie('expr'), right: tie('expr') }),
    fc.record({ type: fc.constant('conditional'), test: tie('expr'), consequent: tie('expr'), alternate: tie('expr') }),
    fc.record({
      type: fc.constant('call'),
      name: fc.constantFrom('lower', 'len', 'round', 'min', 'number', 'string', 'coalesce', 'normalize', 'isEmpty', 'nope'),
      args: fc.array(tie('expr'), { maxLength: 3 }),
    }),
    fc.record({ type: fc.constant('array'), items: fc.array(tie('expr'), { maxLength: 3 }) }),
  ),
}));

describe('properties', () => {
  it('parseExpression never throws and always returns a result', () => {
    fc.assert(
      fc.property(sourceLike, (source) => {
        const result = parseExpression(source);
        if (!result.ok) {
          expect(result.error.offset).toBeGreaterThanOrEqual(0);
          expect(result.error.offset).toBeLessThanOrEqual(source.length);
          expect(result.error.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('parseTemplate never throws and reports offsets inside the source', () => {
    fc.assert(
      fc.property(sourceLike, sourceLike, (before, inner) => {
        const source = `${before}{{${inner}}}`;
        const result = parseTemplate(source);
        if (!result.ok) expect(result.error.offset).toBeLessThanOrEqual(source.length);
      }),
      { numRuns: 500 },
    );
  });

  it('parsed expressions evaluate without throwing on arbitrary JSON scopes', () => {
    fc.assert(
      fc.property(sourceLike, scopeArb, envArb, (source, scope, env) => {
        const parsed = parseExpression(source);
        if (parsed.ok) {
          const value = evaluate(parsed.value, scope, env);
          // Results are always JSON-safe.
          expect(() => JSON.stringify(value)).not.toThrow();
          collectReferences(parsed.value);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('evaluate never throws on arbitrary (even malformed) ASTs', () => {
    fc.assert(
      fc.property(exprArb, scopeArb, envArb, (expr, scope, env) => {
        evaluate(expr as Expr, scope, env);
        collectReferences(expr as Expr);
      }),
      { numRuns: 300 },
    );
  });

  it('renderTemplate never throws and returns a string', () => {
    fc.assert(
      fc.property(sourceLike, scopeArb, envArb, (source, scope, env) => {
        expect(typeof renderTemplate(source, scope, env)).toBe('string');
        expect(typeof renderTemplate(`Oi {{${source}}}!`, scope, env)).toBe('string');
      }),
      { numRuns: 500 },
    );
  });

  it('renderTemplate is the identity on text without "{{"', () => {
    fc.assert(
      fc.property(
        fc.string().filter((text) => !text.includes('{{')),
        scopeArb,
        (text, scope) => renderTemplate(text, scope, PT) === text && renderTemplate(text, scope, EN) === text,
      ),
      { numRuns: 500 },
    );
  });

  it('a rendered path shows the scalar it points at', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.integer(), fc.boolean()), (value) => {
        expect(renderTemplate('{{ a.b }}', { a: { b: value } }, PT)).toBe(String(value));
      }),
    );
  });

  it('number filter and formatCurrency never throw on any number', () => {
    fc.assert(
      fc.property(fc.double(), envArb, (n, env) => {
        expect(typeof formatCurrency(n, env)).toBe('string');
        expect(typeof formatDate(n, env, 'datetime')).toBe('string');
        expect(typeof renderTemplate('{{ n | number:2 }} {{ n | currency }} {{ n | date }}', { n }, env)).toBe('string');
      }),
      { numRuns: 300 },
    );
  });
});
