import { ParseFailure } from './parse-error.js';
import { tokenize } from './tokenize.js';

const kinds = (source: string) => tokenize(source).tokens.map((t) => [t.kind, t.text]);

describe('tokenize', () => {
  it('splits names, numbers, strings and operators with offsets', () => {
    const { tokens } = tokenize('cart.total >= 12.5');
    expect(tokens.map((t) => [t.kind, t.text, t.offset])).toEqual([
      ['name', 'cart', 0],
      ['op', '.', 4],
      ['name', 'total', 5],
      ['op', '>=', 11],
      ['number', '12.5', 14],
      ['end', '', 18],
    ]);
  });

  it('decodes escapes in both quote styles', () => {
    const { tokens } = tokenize(`"a\\"b\\n" 'it\\'s'`);
    expect(tokens.map((t) => t.value)).toEqual(['a"b\n', "it's", undefined]);
  });

  it('reads any word after a dot as a key, including digits and keywords', () => {
    expect(kinds('items.0.in')).toEqual([
      ['name', 'items'],
      ['op', '.'],
      ['name', '0'],
      ['op', '.'],
      ['name', 'in'],
      ['end', ''],
    ]);
  });

  it('accepts accented names and treats === as ==', () => {
    expect(kinds('endereço === 1')[1]).toEqual(['op', '==']);
    expect(kinds('endereço')[0]).toEqual(['name', 'endereço']);
  });

  it('does not read "1." as a number with a fraction', () => {
    expect(kinds('1.a')).toEqual([
      ['number', '1'],
      ['op', '.'],
      ['name', 'a'],
      ['end', ''],
    ]);
  });

  it('stops after }} in template mode, ignoring }} inside strings', () => {
    const source = '{{ x | default:"}}" }} tail';
    const { tokens, end } = tokenize(source, 2, 'template');
    expect(tokens.map((t) => t.kind)).toEqual(['name', 'op', 'name', 'op', 'string', 'close']);
    expect(source.slice(end)).toBe(' tail');
  });

  it('reports unterminated strings and stray characters with offsets', () => {
    expect(() => tokenize('a == "abc')).toThrow(new ParseFailure('Unterminated string starting at position 6', 5));
    try {
      tokenize('a = 1');
    } catch (error) {
      expect(error).toBeInstanceOf(ParseFailure);
      expect((error as ParseFailure).offset).toBe(2);
      expect((error as ParseFailure).message).toBe('Unexpected "=" at position 3 (use "==" to compare)');
    }
    expect.assertions(4);
  });
});
