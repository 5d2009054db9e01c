import { parseExpression } from './parse-expression.js';
import type { Expr } from './types.js';

function ast(source: string): Expr {
  const result = parseExpression(source);
  if (!result.ok) throw new Error(`unexpected parse error: ${result.error.message}`);
  return result.value;
}

function error(source: string): { message: string; offset: number } {
  const result = parseExpression(source);
  if (result.ok) throw new Error(`expected a parse error for ${source}`);
  return result.error;
}

const v = (name: string): Expr => ({ type: 'variable', name });
const lit = (value: string | number | boolean | null): Expr => ({ type: 'literal', value });

describe('parseExpression', () => {
  describe('literals and paths', () => {
    it.each<[string, Expr]>([
      ['12', lit(12)],
      ['12.5', lit(12.5)],
      ['-3', lit(-3)],
      ['"a\\"b"', lit('a"b')],
      ["'olá'", lit('olá')],
      ['true', lit(true)],
      ['FALSE', lit(false)],
      ['null', lit(null)],
    ])('%s', (source, expected) => {
      expect(ast(source)).toEqual(expected);
    });

    it('parses array literals', () => {
      expect(ast('[1, "a", x]')).toEqual({ type: 'array', items: [lit(1), lit('a'), v('x')] });
      expect(ast('[]')).toEqual({ type: 'array', items: [] });
    });

    it('parses dotted, indexed and quoted paths', () => {
      expect(ast('order.items[0].sku')).toEqual({
        type: 'member',
        key: 'sku',
        object: { type: 'index', index: lit(0), object: { type: 'member', key: 'items', object: v('order') } },
      });
      expect(ast('vars["my key"]')).toEqual({ type: 'member', key: 'my key', object: v('vars') });
      expect(ast('items.0')).toEqual({ type: 'index', index: lit(0), object: v('items') });
      expect(ast('a[b]')).toEqual({ type: 'index', object: v('a'), index: v('b') });
    });

    it('produces JSON-serialisable trees', () => {
      const tree = ast('a.b[0] > 1 ? lower(c) : [d, "e"]');
      expect(JSON.parse(JSON.stringify(tree))).toEqual(tree);
    });
  });

  describe('precedence', () => {
    it('binds * over + over comparison over && over ||', () => {
      expect(ast('a || b && c == 1 + 2 * 3')).toEqual({
        type: 'logical',
        operator: '||',
        left: v('a'),
        right: {
          type: 'logical',
          operator: '&&',
          left: v('b'),
          right: {
            type: 'binary',
            operator: '==',
            left: v('c'),
            right: {
              type: 'binary',
              operator: '+',
              left: lit(1),
              right: { type: 'binary', operator: '*', left: lit(2), right: lit(3) },
            },
          },
        },
      });
    });

    it('is left-associative for arithmetic', () => {
      expect(ast('10 - 4 - 3')).toEqual({
        type: 'binary',
        operator: '-',
        left: { type: 'binary', operator: '-', left: lit(10), right: lit(4) },
        right: lit(3),
      });
    });

    it('puts relational below equality and word operators with relational', () => {
      expect(ast('a < b == c contains d')).toEqual({
        type: 'binary',
        operator: '==',
        left: { type: 'binary', operator: '<', left: v('a'), right: v('b') },
        right: { type: 'binary', operator: 'contains', left: v('c'), right: v('d') },
      });
    });

    it('binds ! tightly but the word not loosely', () => {
      expect(ast('!a == b')).toEqual({
        type: 'binary',
        operator: '==',
        left: { type: 'unary', operator: '!', operand: v('a') },
        right: v('b'),
      });
      expect(ast('not tags contains "vip"')).toEqual({
        type: 'unary',
        operator: '!',
        operand: { type: 'binary', operator: 'contains', left: v('tags'), right: lit('vip') },
      });
    });

    it('supports and/or words, any case, and negated word operators', () => {
      expect(ast('a AND b or c')).toEqual(ast('a && b || c'));
      expect(ast('x not in list')).toEqual({
        type: 'unary',
        operator: '!',
        operand: { type: 'binary', operator: 'in', left: v('x'), right: v('list') },
      });
    });

    it('nests ternaries to the right', () => {
      expect(ast('a ? 1 : b ? 2 : 3')).toEqual({
        type: 'conditional',
        test: v('a'),
        consequent: lit(1),
        alternate: { type: 'conditional', test: v('b'), consequent: lit(2), alternate: lit(3) },
      });
    });

    it('respects parentheses', () => {
      expect(ast('(1 + 2) * 3')).toEqual({
        type: 'binary',
        operator: '*',
        left: { type: 'binary', operator: '+', left: lit(1), right: lit(2) },
        right: lit(3),
      });
    });
  });

  describe('functions', () => {
    it('parses whitelisted calls', () => {
      expect(ast('round(x, 2)')).toEqual({ type: 'call', name: 'round', args: [v('x'), lit(2)] });
      expect(ast('max(1, 2, 3, 4)')).toMatchObject({ type: 'call', name: 'max' });
    });

    it('rejects unknown functions by name', () => {
      expect(error('1 + foo(2)')).toEqual({ message: 'Unknown function "foo" at position 5', offset: 4 });
      expect(error('toString()').message).toContain('Unknown function "toString"');
    });

    it('checks the number of arguments', () => {
      expect(error('lower(a, b)')).toEqual({ message: 'Function "lower" expects 1 argument, got 2 at position 1', offset: 0 });
      expect(error('round()').message).toBe('Function "round" expects 1 to 2 arguments, got 0 at position 1');
      expect(error('coalesce()').message).toBe('Function "coalesce" expects at least 1 argument, got 0 at position 1');
    });

    it('does not allow calling methods', () => {
      expect(error('name.toLowerCase()')).toEqual({ message: 'Unexpected "(" at position 17', offset: 16 });
    });
  });

  describe('errors', () => {
    it.each<[string, string, number]>([
      ['(a + b))', 'Unexpected ")" at position 8', 7],
      ['a +', 'Unexpected end of expression at position 4', 3],
      ['(a', 'Expected ")" at position 3', 2],
      ['(a b', 'Expected ")" but found "b" at position 4', 3],
      ['a ? b', 'Expected ":" at position 6', 5],
      ['a b', 'Unexpected "b" at position 3', 2],
      ['"abc', 'Unterminated string starting at position 1', 0],
      ['a = 1', 'Unexpected "=" at position 3 (use "==" to compare)', 2],
      ['a | b', 'Unexpected "|" at position 3 (use "||" or "or")', 2],
      ['a.', 'Expected a name after "." at position 3', 2],
      ['and', 'Unexpected "and" at position 1', 0],
      ['[1,]', 'Unexpected "]" at position 4', 3],
      ['', 'Expression is empty', 0],
      ['   ', 'Expression is empty', 0],
    ])('%j -> %s', (source, message, offset) => {
      expect(error(source)).toEqual({ message, offset });
    });

    it('refuses prototype names anywhere in a path', () => {
      expect(error('constructor.constructor')).toEqual({ message: '"constructor" is not allowed at position 1', offset: 0 });
      expect(error('a.__proto__')).toEqual({ message: '"__proto__" is not allowed at position 3', offset: 2 });
      expect(error('a["prototype"]')).toEqual({ message: '"prototype" is not allowed at position 3', offset: 2 });
    });

    it('limits the source length to 2,000 characters', () => {
      const long = `a${' + a'.repeat(500)}`;
      expect(long.length).toBeGreaterThan(2000);
      expect(error(long)).toEqual({ message: 'Expression is too long (maximum 2000 characters)', offset: 2000 });
      expect(parseExpression('a'.repeat(2000)).ok).toBe(true);
    });

    it('limits nesting to 64 levels', () => {
      expect(parseExpression(`${'('.repeat(64)}1${')'.repeat(64)}`).ok).toBe(true);
      expect(error(`${'('.repeat(65)}1${')'.repeat(65)}`)).toEqual({
        message: 'Expression is nested too deeply (maximum 64 levels) at position 66',
        offset: 65,
      });
      expect(error(`${'!'.repeat(200)}a`).message).toContain('nested too deeply');
      expect(error(`${'not '.repeat(100)}a`).message).toContain('nested too deeply');
      expect(error(`${'lower('.repeat(100)}a${')'.repeat(100)}`).message).toContain('nested too deeply');
    });

    it('returns an error for non-string input instead of throwing', () => {
      expect(parseExpression(42 as unknown as string)).toEqual({ ok: false, error: { message: 'Expression must be text', offset: 0 } });
    });
  });
});
