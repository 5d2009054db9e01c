import { collectReferences } from './collect-references.js';
import { parseExpression } from './parse-expression.js';
import { parseTemplate } from './parse-template.js';
import type { Expr, Template } from './types.js';

function refsOf(source: string): string[][] {
  const parsed = parseExpression(source);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return collectReferences(parsed.value);
}

function refsOfTemplate(source: string): string[][] {
  const parsed = parseTemplate(source);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return collectReferences(parsed.value);
}

describe('collectReferences', () => {
  it.each<[string, string[][]]>([
    ['cart.total > 100 && contact.tags contains "vip"', [['cart', 'total'], ['contact', 'tags']]],
    ['a.b[0].c', [['a', 'b']]],
    ['order.items.0.sku', [['order', 'items']]],
    ['vars["my key"].x', [['vars', 'my key', 'x']]],
    ['a[b.c].d', [['a'], ['b', 'c']]],
    ['score', [['score']]],
    ['a.b == a.b || a.b.c || a', [['a', 'b'], ['a', 'b', 'c'], ['a']]],
    ['lower(contact.name) == normalize(x)', [['contact', 'name'], ['x']]],
    ['flag ? yes.value : no.value', [['flag'], ['yes', 'value'], ['no', 'value']]],
    ['[p, q.r] contains -s', [['p'], ['q', 'r'], ['s']]],
    ['not a.b in c', [['a', 'b'], ['c']]],
    ['lower("x").length', []],
    ['1 + 2', []],
  ])('%s', (source, expected) => {
    expect(refsOf(source)).toEqual(expected);
  });

  it('walks templates including filter arguments, skipping filter names', () => {
    expect(
      refsOfTemplate('Olá {{contact.first_name | default: vars.fallback}}, {{cart.total | currency: account.currency}} {{ contact.first_name }}'),
    ).toEqual([
      ['contact', 'first_name'],
      ['vars', 'fallback'],
      ['cart', 'total'],
      ['account', 'currency'],
    ]);
    expect(refsOfTemplate('sem variáveis')).toEqual([]);
  });

  it('does not throw on malformed trees', () => {
    const broken = { type: 'binary', operator: '+', left: { type: 'variable', name: 'a' }, right: null } as unknown as Expr;
    expect(collectReferences(broken)).toEqual([['a']]);
    expect(collectReferences({ parts: [{ kind: 'expr' }] } as unknown as Template)).toEqual([]);
  });
});
