import { parseTemplate } from './parse-template.js';
import type { Template } from './types.js';

function template(source: string): Template {
  const result = parseTemplate(source);
  if (!result.ok) throw new Error(`unexpected parse error: ${result.error.message}`);
  return result.value;
}

function error(source: string): { message: string; offset: number } {
  const result = parseTemplate(source);
  if (result.ok) throw new Error(`expected a parse error for ${source}`);
  return result.error;
}

describe('parseTemplate', () => {
  it('splits text and placeholders with filters', () => {
    expect(template('Olá {{contact.first_name}}, total {{ cart.total | currency }}!')).toEqual({
      parts: [
        { kind: 'text', text: 'Olá ' },
        {
          kind: 'expr',
          expr: { type: 'member', object: { type: 'variable', name: 'contact' }, key: 'first_name' },
          filters: [],
          source: 'contact.first_name',
        },
        { kind: 'text', text: ', total ' },
        {
          kind: 'expr',
          expr: { type: 'member', object: { type: 'variable', name: 'cart' }, key: 'total' },
          filters: [{ name: 'currency', args: [] }],
          source: 'cart.total | currency',
        },
        { kind: 'text', text: '!' },
      ],
    });
  });

  it('parses filter arguments and chains', () => {
    const [part] = template('{{ name | default:"amigo" | truncate: 10 | currency:"USD" }}').parts;
    expect(part).toMatchObject({
      filters: [
        { name: 'default', args: [{ type: 'literal', value: 'amigo' }] },
        { name: 'truncate', args: [{ type: 'literal', value: 10 }] },
        { name: 'currency', args: [{ type: 'literal', value: 'USD' }] },
      ],
    });
  });

  it('keeps || as an operator next to | filters', () => {
    const [part] = template('{{a || b|upper}}').parts;
    expect(part).toMatchObject({ expr: { type: 'logical', operator: '||' }, filters: [{ name: 'upper' }] });
  });

  it('lets strings contain braces and pipes', () => {
    const [part] = template('{{ x | default:"}} | {{" }}').parts;
    expect(part).toMatchObject({ filters: [{ name: 'default', args: [{ value: '}} | {{' }] }] });
  });

  it('treats text without placeholders, stray }} and single braces as literal', () => {
    expect(template('a } b }} c { d').parts).toEqual([{ kind: 'text', text: 'a } b }} c { d' }]);
    expect(template('').parts).toEqual([]);
  });

  it.each<[string, string, number]>([
    ['Olá {{ nome', 'Unclosed "{{" at position 5', 4],
    ['Olá {{ nome }} e {{ x', 'Unclosed "{{" at position 18', 17],
    ['{{ "}}', 'Unterminated string starting at position 4', 3],
    ['a {{ }} b', 'Empty "{{ }}" at position 3', 2],
    ['{{ x | foo }}', 'Unknown filter "foo" at position 8', 7],
    ['{{ x | }}', 'Expected a filter name after "|" at position 8', 7],
    ['{{ x | truncate }}', 'Filter "truncate" expects 1 argument, got 0 at position 8 (e.g. truncate:20)', 7],
    ['{{ x | upper:1 }}', 'Filter "upper" expects 0 arguments, got 1 at position 8', 7],
    ['{{ x + }}', 'Unexpected "}}" at position 8', 7],
    ['{{ x y }}', 'Unexpected "y" at position 6', 5],
    ['Oi {{ foo(1) }}', 'Unknown function "foo" at position 7', 6],
    ['{{ a.__proto__ }}', '"__proto__" is not allowed at position 6', 5],
    ['{{ a # }}', 'Unexpected "#" at position 6', 5],
  ])('%j -> %s', (source, message, offset) => {
    expect(error(source)).toEqual({ message, offset });
  });

  it('limits each placeholder to 2,000 characters', () => {
    expect(error(`x {{ ${'a + '.repeat(600)}a }}`).message).toBe('Expression is too long (maximum 2000 characters) at position 3');
  });
});
