import { EN, PT } from './__fixtures__/env.js';
import { parseTemplate } from './parse-template.js';
import { renderTemplate } from './render-template.js';
import type { FormatEnv, Scope, Template } from './types.js';

const scope: Scope = {
  contact: { first_name: 'maria', full_name: '  MARIA DA SILVA  ', tags: ['vip', 'novo'], address: { city: 'Recife' } },
  cart: { total: 1234.5, total_text: '1.234,50', items: [{ sku: 'A1' }] },
  order: { placed_at: '2026-12-25T02:00:00Z', birthday: '1990-12-25' },
  score: 9.5,
  active: true,
  empty: '',
  nothing: null,
  bio: 'Adoro café e promoções de fim de ano',
};

const render = (source: string, env: FormatEnv = PT): string => renderTemplate(source, scope, env);

describe('renderTemplate', () => {
  it('fills placeholders and keeps text literal', () => {
    expect(render('Olá {{contact.first_name | capitalize}}, seu carrinho de {{cart.total | currency}} está esperando')).toBe(
      'Olá Maria, seu carrinho de R$ 1.234,50 está esperando',
    );
  });

  it('renders values without filters in a customer-safe way', () => {
    expect(render('[{{ missing }}][{{ nothing }}][{{ contact.nope.deeper }}]')).toBe('[][][]');
    expect(render('{{ score }} {{ active }} {{ 1/0 }}')).toBe('9.5 true ');
    expect(render('{{ contact.tags }}')).toBe('vip, novo');
    expect(render('{{ contact.address }}|{{ cart.items }}')).toBe('|');
    expect(render('{{ [1, [2, 3], nothing, "x"] }}')).toBe('1, 2, 3, x');
  });

  it('evaluates full expressions inside placeholders', () => {
    expect(render('{{ score > 9 ? "top" : "ok" }}')).toBe('top');
    expect(render('{{ contact.first_name + " " + contact.address.city | upper }}')).toBe('MARIA RECIFE');
  });

  it('returns source with a syntax error unchanged', () => {
    for (const broken of ['Olá {{ nome', 'Oi {{ x | nope }}', '{{ }}', '{{ a b }}']) expect(render(broken)).toBe(broken);
  });

  it('accepts parsed templates and renders them repeatedly', () => {
    const parsed = parseTemplate('{{ contact.first_name | upper }}!');
    if (!parsed.ok) throw new Error('parse failed');
    expect(renderTemplate(parsed.value, scope, PT)).toBe('MARIA!');
    expect(renderTemplate(parsed.value, { contact: { first_name: 'ana' } }, PT)).toBe('ANA!');
  });

  it('renders a broken placeholder as empty without losing the rest', () => {
    const bad = {
      parts: [
        { kind: 'text', text: 'a' },
        { kind: 'expr', expr: { type: 'member', object: null, key: 'x' }, filters: [], source: '?' },
        { kind: 'expr', expr: { type: 'literal', value: 1 }, filters: [{ name: 'eval', args: [] }], source: '?' },
        { kind: 'text', text: 'b' },
      ],
    } as unknown as Template;
    expect(renderTemplate(bad, scope, PT)).toBe('ab');
    expect(renderTemplate({} as Template, scope, PT)).toBe('');
  });

  describe('filters', () => {
    it.each<[string, string, string]>([
      ['{{ cart.total | currency }}', 'R$ 1.234,50', '$1,234.50'],
      ['{{ cart.total | currency:"USD" }}', 'US$ 1.234,50', '$1,234.50'],
      ['{{ cart.total | currency:"BRL" }}', 'R$ 1.234,50', 'R$1,234.50'],
      ['{{ cart.total_text | currency }}', 'R$ 1.234,50', '$1,234.50'],
      ['{{ missing | currency }}', '', ''],
      ['{{ "abc" | currency }}', '', ''],
      ['{{ cart.total | number }}', '1.234,5', '1,234.5'],
      ['{{ cart.total | number:2 }}', '1.234,50', '1,234.50'],
      ['{{ cart.total | number:0 }}', '1.235', '1,235'],
      ['{{ order.placed_at | date }}', '24/12/2026', '12/24/2026'],
      ['{{ order.placed_at | date:"short" }}', '24/12/2026', '12/24/2026'],
      ['{{ order.placed_at | date:"long" }}', '24 de dezembro de 2026', 'December 24, 2026'],
      ['{{ order.placed_at | datetime }}', '24/12/2026 23:00', '12/24/2026 9:00 PM'],
      ['{{ order.placed_at | time }}', '23:00', '9:00 PM'],
      ['{{ order.birthday | date:"long" }}', '25 de dezembro de 1990', 'December 25, 1990'],
      ['{{ "not a date" | date }}', '', ''],
      ['{{ contact.first_name | upper }}', 'MARIA', 'MARIA'],
      ['{{ "ÁGUA" | lower }}', 'água', 'água'],
      ['{{ contact.full_name | capitalize }}', '  Maria da Silva  ', '  Maria da Silva  '],
      ['{{ "joão DE souza-lima" | capitalize }}', 'João de Souza-Lima', 'João de Souza-Lima'],
      ['{{ contact.full_name | trim }}', 'MARIA DA SILVA', 'MARIA DA SILVA'],
      ['{{ contact.full_name | first_word | capitalize }}', 'Maria', 'Maria'],
      ['{{ missing | first_word }}', '', ''],
      ['{{ missing | default:"amigo" }}', 'amigo', 'amigo'],
      ['{{ nothing | default:"amigo" }}', 'amigo', 'amigo'],
      ['{{ empty | default:"amigo" }}', 'amigo', 'amigo'],
      ['{{ contact.first_name | default:"amigo" }}', 'maria', 'maria'],
      ['{{ 0 | default:"zero" }}', '0', '0'],
      ['{{ missing | default:contact.first_name | upper }}', 'MARIA', 'MARIA'],
      ['{{ bio | truncate:15 }}', 'Adoro café e p…', 'Adoro café e p…'],
      ['{{ bio | truncate:13 }}', 'Adoro café e…', 'Adoro café e…'],
      ['{{ "curto" | truncate:10 }}', 'curto', 'curto'],
      ['{{ "👍🏽👍🏽👍🏽" | truncate:3 }}', '👍🏽…', '👍🏽…'],
      ['{{ contact.tags | json }}', '["vip","novo"]', '["vip","novo"]'],
      ['{{ contact.address | json }}', '{"city":"Recife"}', '{"city":"Recife"}'],
      ['{{ "a\\"b" | json }}', '"a\\"b"', '"a\\"b"'],
      ['{{ missing | json }}', '', ''],
    ])('%s', (source, pt, en) => {
      expect(render(source, PT)).toBe(pt);
      expect(render(source, EN)).toBe(en);
    });
  });
});
