import { EN, PT } from './__fixtures__/env.js';
import { evaluate, evaluateExpression } from './evaluate.js';
import type { Expr, Scope, Value } from './types.js';

const scope: Scope = {
  contact: { first_name: 'Maria', tags: ['vip', 'Recorrente'], city: 'São Paulo', age: 34, email: '' },
  cart: { total: 149.9, items: [{ sku: 'A1', qty: 2 }, { sku: 'B2', qty: 1 }], coupon: null },
  order: { items: [{ sku: 'X9' }] },
  vars: { 'my key': 'ok', count: '10' },
  score: 9,
  flags: [],
};

const ev = (source: string, variables: Scope = scope): Value => evaluateExpression(source, variables, PT);

describe('evaluate', () => {
  describe('paths', () => {
    it('reads nested properties, indexes and quoted keys', () => {
      expect(ev('contact.first_name')).toBe('Maria');
      expect(ev('order.items[0].sku')).toBe('X9');
      expect(ev('cart.items.1.sku')).toBe('B2');
      expect(ev('vars["my key"]')).toBe('ok');
      expect(ev('cart.items[score - 8].qty')).toBe(1);
      expect(ev('cart.items.length')).toBe(2);
    });

    it('evaluates missing paths to undefined without throwing', () => {
      expect(ev('nobody')).toBeUndefined();
      expect(ev('contact.address.street.name')).toBeUndefined();
      expect(ev('cart.items[5].sku')).toBeUndefined();
      expect(ev('cart.items[-1]')).toBeUndefined();
      expect(ev('cart.items[1.5]')).toBeUndefined();
      expect(ev('cart.coupon.code')).toBeUndefined();
      expect(ev('score.value')).toBeUndefined();
      expect(ev('contact.first_name.length')).toBeUndefined();
    });

    it('returns detached copies of containers', () => {
      const data = { list: [1, { a: 2 }] };
      const result = evaluateExpression('list', data, PT);
      expect(result).toEqual([1, { a: 2 }]);
      expect(result).not.toBe(data.list);
    });
  });

  describe('prototype safety', () => {
    it('never reaches inherited members', () => {
      expect(ev('contact.toString')).toBeUndefined();
      expect(ev('contact.hasOwnProperty')).toBeUndefined();
      expect(ev('cart.items.map')).toBeUndefined();
      expect(ev('contact["valueOf"]')).toBeUndefined();
      expect(ev('toString')).toBeUndefined();
    });

    it('refuses prototype names computed at run time', () => {
      const attack = { k: '__proto__', c: 'constructor', p: 'prototype', obj: {} };
      expect(evaluateExpression('obj[k]', attack, PT)).toBeUndefined();
      expect(evaluateExpression('obj[c]', attack, PT)).toBeUndefined();
      expect(evaluateExpression('obj[c][c]', attack, PT)).toBeUndefined();
      expect(evaluateExpression('obj[p]', attack, PT)).toBeUndefined();
      expect(evaluateExpression('constructor.constructor', attack, PT)).toBeUndefined();
    });

    it('ignores own "__proto__" keys that JSON.parse creates', () => {
      const parsed = JSON.parse('{"o": {"__proto__": {"x": 1}}, "k": "__proto__"}') as Scope;
      expect(evaluateExpression('o[k]', parsed, PT)).toBeUndefined();
      expect(evaluateExpression('o', parsed, PT)).toEqual({});
    });

    it('hides functions, class instances and getters in the scope', () => {
      let called = false;
      const tricky: Scope = {
        fn: () => 1,
        map: new Map([['a', 1]]),
        when: new Date('2026-12-25T02:00:00Z'),
        obj: Object.defineProperty({}, 'secret', {
          enumerable: true,
          get: () => {
            called = true;
            return 'x';
          },
        }),
      };
      expect(evaluateExpression('fn', tricky, PT)).toBeUndefined();
      expect(evaluateExpression('map.a', tricky, PT)).toBeUndefined();
      expect(evaluateExpression('when', tricky, PT)).toBe('2026-12-25T02:00:00.000Z');
      expect(evaluateExpression('obj.secret', tricky, PT)).toBeUndefined();
      expect(called).toBe(false);
    });

    it('survives cyclic scopes', () => {
      const loop: Record<string, unknown> = { name: 'x' };
      loop['self'] = loop;
      expect(evaluateExpression('self.self.self.name', loop, PT)).toBe('x');
      expect(() => evaluateExpression('self', loop, PT)).not.toThrow();
      expect(evaluateExpression('self == self', loop, PT)).toBe(false);
    });
  });

  describe('comparison', () => {
    it.each<[string, Value]>([
      ['"10" == 10', true],
      ['10 == "10.0"', true],
      ['"abc" == "ABC"', false],
      ['"abc" != "ABC"', true],
      ['nothing == null', true],
      ['cart.coupon == null', true],
      ['0 == null', false],
      ['"" == 0', false],
      ['true == "true"', false],
      ['[1, "a"] == [1, "a"]', true],
      ['cart.items[0] == cart.items[0]', true],
      ['cart.total > 100', true],
      ['cart.total >= 149.9', true],
      ['cart.total < 100', false],
      ['score <= 9', true],
      ['vars.count > 9', true],
      ['"10" > "9"', true],
      ['"2026-01-05" < "2026-01-10"', true],
      ['"b" > "a"', true],
      ['missing > 0', false],
      ['missing < 0', false],
      ['null >= 0', false],
    ])('%s -> %j', (source, expected) => {
      expect(ev(source)).toEqual(expected);
    });
  });

  describe('arithmetic', () => {
    it.each<[string, Value]>([
      ['1 + 2 * 3', 7],
      ['(1 + 2) * 3', 9],
      ['10 - 4 - 3', 3],
      ['7 % 3', 1],
      ['7 / 2', 3.5],
      ['1 / 0', null],
      ['5 % 0', null],
      ['0.1 + 0.2', 0.3],
      ['cart.total * 0.9', 134.91],
      ['-score', -9],
      ['-"3"', -3],
      ['-"abc"', null],
      ['--5', 5],
      ['vars.count * 2', 20],
      ['vars.count + 1', '101'],
      ['"Olá " + contact.first_name', 'Olá Maria'],
      ['"n=" + 5', 'n=5'],
      ['"x" + missing', 'x'],
      ['missing + 1', null],
      ['true + 1', null],
      ['"a" * 2', null],
    ])('%s -> %j', (source, expected) => {
      expect(ev(source)).toEqual(expected);
    });
  });

  describe('logic', () => {
    it.each<[string, Value]>([
      ['true && false', false],
      ['true and 1', 1],
      ['0 || "fallback"', 'fallback'],
      ['contact.email or "sem e-mail"', 'sem e-mail'],
      ['!flags', true],
      ['not score', false],
      ['!!contact', true],
      ['score > 5 ? "alto" : "baixo"', 'alto'],
      ['missing ? 1 : 2', 2],
      ['cart.total > 100 && contact.tags contains "vip"', true],
      ['not contact.tags contains "vip"', false],
      ['contact.tags not contains "novo"', true],
    ])('%s -> %j', (source, expected) => {
      expect(ev(source)).toEqual(expected);
    });

    it('short-circuits', () => {
      expect(ev('false && missing.x')).toBe(false);
      expect(ev('1 || missing')).toBe(1);
    });
  });

  describe('contains, in, startsWith, endsWith', () => {
    it.each<[string, Value]>([
      ['contact.city contains "sao"', true],
      ['contact.city contains "PAULO"', true],
      ['"Promoção" contains "promocao"', true],
      ['contact.city contains "rio"', false],
      ['contact.tags contains "VIP"', true],
      ['contact.tags contains "recorrente"', true],
      ['contact.tags contains "vi"', false],
      ['[1, 2, 3] contains "2"', true],
      ['cart.items contains cart.items[1]', true],
      ['missing contains "a"', false],
      ['contact.city contains missing', false],
      ['12345 contains 234', true],
      ['"vip" in contact.tags', true],
      ['"novo" in contact.tags', false],
      ['"Paulo" in contact.city', true],
      ['2 in [1, 2]', true],
      ['contact.city startsWith "são"', true],
      ['contact.city endsWith "PAULO"', true],
      ['contact.city startsWith "Paulo"', false],
      ['5511999 startsWith "55"', true],
      ['contact.tags startsWith "vip"', false],
    ])('%s -> %j', (source, expected) => {
      expect(ev(source)).toEqual(expected);
    });
  });

  describe('evaluateExpression / evaluate', () => {
    it('gives undefined for syntax errors', () => {
      expect(evaluateExpression('cart.total >', scope, PT)).toBeUndefined();
      expect(evaluateExpression('foo(1)', scope, PT)).toBeUndefined();
    });

    it('never throws on malformed ASTs', () => {
      const bad = [
        { type: 'nope' },
        { type: 'call', name: 'eval', args: [] },
        { type: 'call', name: 'toString', args: [] },
        { type: 'binary', operator: '**', left: { type: 'literal', value: 1 }, right: { type: 'literal', value: 1 } },
        { type: 'member', object: null, key: 'x' },
        null,
      ] as unknown as Expr[];
      for (const expr of bad) expect(evaluate(expr, scope, EN)).toBeUndefined();
    });

    it('tolerates a missing or odd scope', () => {
      expect(evaluateExpression('a.b', {} as Scope, PT)).toBeUndefined();
      expect(evaluateExpression('a', Object.create(null) as Scope, PT)).toBeUndefined();
      expect(evaluateExpression('a', null as unknown as Scope, PT)).toBeUndefined();
    });
  });
});
