import { EN, PT } from './__fixtures__/env.js';
import { evaluateExpression } from './evaluate.js';
import type { FormatEnv, Scope, Value } from './types.js';

const scope: Scope = {
  name: '  José da Silva ',
  tags: ['a', 'b'],
  prices: [10, '25', 'x', 3],
  empty: '',
  blank: '   ',
  obj: { a: 1, b: 2 },
  price: '1.234,56',
};

const ev = (source: string, env: FormatEnv = PT): Value => evaluateExpression(source, scope, env);

describe('functions', () => {
  it.each<[string, Value]>([
    ['lower("ÁGUA")', 'água'],
    ['upper("çã")', 'ÇÃ'],
    ['lower(12)', '12'],
    ['lower(missing)', undefined],
    ['trim(name)', 'José da Silva'],
    ['normalize(name)', 'jose da silva'],
    ['normalize("  SÃO Paulo ")', 'sao paulo'],
    ['len("olá")', 3],
    ['len("👍🏽")', 2],
    ['len(tags)', 2],
    ['len(obj)', 2],
    ['len(missing)', 0],
    ['len(12345)', 5],
    ['round(2.5)', 3],
    ['round(-2.5)', -3],
    ['round(1.005, 2)', 1.01],
    ['round(1234.5678, 2)', 1234.57],
    ['round("3.14159", 3)', 3.142],
    ['round("abc")', null],
    ['floor(2.7)', 2],
    ['floor(-2.1)', -3],
    ['ceil(2.1)', 3],
    ['abs(-4)', 4],
    ['abs("x")', null],
    ['min(3, 1, 2)', 1],
    ['max(3, 1, 2)', 3],
    ['max(prices)', 25],
    ['min(prices, -1)', -1],
    ['max("a", missing)', null],
    ['number("1.234,56")', 1234.56],
    ['number("1,234.56")', 1234.56],
    ['number(price) * 2', 2469.12],
    ['number("R$ 12,50")', 12.5],
    ['number(7)', 7],
    ['number(true)', 1],
    ['number("abc")', null],
    ['number(missing)', null],
    ['string(12.5)', '12.5'],
    ['string(tags)', 'a, b'],
    ['string(obj)', ''],
    ['string(missing)', ''],
    ['string(false)', 'false'],
    ['isEmpty(missing)', true],
    ['isEmpty(empty)', true],
    ['isEmpty(blank)', true],
    ['isEmpty([])', true],
    ['isEmpty(obj)', false],
    ['isEmpty(0)', false],
    ['isEmpty(tags)', false],
    ['coalesce(missing, empty, null, "x", "y")', 'x'],
    ['coalesce(missing, 0)', 0],
    ['coalesce(missing)', undefined],
  ])('%s -> %j', (source, expected) => {
    expect(ev(source)).toEqual(expected);
  });

  it('reads ambiguous numbers the way the locale writes them', () => {
    expect(ev('number("1.234")', PT)).toBe(1234);
    expect(ev('number("1.234")', EN)).toBe(1.234);
    expect(ev('number("1,234")', PT)).toBe(1.234);
    expect(ev('number("1,234")', EN)).toBe(1234);
  });
});
