import fc from 'fast-check';
import { anyText } from './__fixtures__/any-text.js';
import { parseNumber } from './parse-number.js';

describe('parseNumber', () => {
  it.each([
    ['1.234,56', 'pt-BR', 1234.56],
    ['12,5', 'pt-BR', 12.5],
    ['1.234', 'pt-BR', 1234],
    ['1.234.567', 'pt-BR', 1234567],
    ['R$ 50', 'pt-BR', 50],
    ['R$ 1.299,90', 'pt-BR', 1299.9],
    ['uns 30 reais', 'pt-BR', 30],
    ['12.5', 'pt-BR', 12.5],
    ['1,234.56', 'pt-BR', 1234.56],
    ['0,5', 'pt-BR', 0.5],
    [',5', 'pt-BR', 0.5],
    ['1,234.56', 'en', 1234.56],
    ['1,234', 'en-US', 1234],
    ['12.5', 'en', 12.5],
    ['12,50', 'en', 12.5],
    ['42', 'en', 42],
    ['-3', 'en', -3],
    ['−3,5', 'pt-BR', -3.5],
    ['US$ 1,000', 'en', 1000],
    ["1'234.5", 'de-CH', 1234.5],
    ['1\u202F234,5', 'fr', 1234.5],
    ['4️⃣2️⃣', 'pt-BR', 42],
    ['42', 'pt_BR', 42],
    ['1.5', 'not a locale!', 1.5],
  ])('%j in %s -> %d', (text, locale, value) => {
    expect(parseNumber(text, locale)).toEqual({ ok: true, value });
  });

  it('resolves the same digits differently by locale', () => {
    expect(parseNumber('1,500', 'pt-BR')).toEqual({ ok: true, value: 1.5 });
    expect(parseNumber('1,500', 'en')).toEqual({ ok: true, value: 1500 });
    expect(parseNumber('1.500', 'pt-BR')).toEqual({ ok: true, value: 1500 });
    expect(parseNumber('1.500', 'en')).toEqual({ ok: true, value: 1.5 });
  });

  it('reports no number, two numbers and malformed groups', () => {
    expect(parseNumber('nenhum', 'pt-BR')).toEqual({ ok: false, reason: 'invalid' });
    expect(parseNumber('2 ou 3', 'pt-BR')).toEqual({ ok: false, reason: 'ambiguous' });
    expect(parseNumber('5 e 5', 'pt-BR')).toEqual({ ok: true, value: 5 });
    expect(parseNumber('1.23.4', 'pt-BR')).toEqual({ ok: false, reason: 'invalid' });
    expect(parseNumber('1.234,5,6', 'pt-BR')).toEqual({ ok: false, reason: 'invalid' });
    expect(parseNumber('', 'pt-BR')).toEqual({ ok: false, reason: 'empty' });
    expect(parseNumber('9'.repeat(400), 'en')).toEqual({ ok: false, reason: 'out_of_range' });
  });

  it('never throws and round-trips numbers formatted by Intl', () => {
    fc.assert(fc.property(anyText, fc.constantFrom('pt-BR', 'en', 'de', 'xx'), (text, locale) => void parseNumber(text, locale)), { numRuns: 300 });
    fc.assert(
      fc.property(fc.integer({ min: -1e11, max: 1e11 }), fc.constantFrom('pt-BR', 'en-US', 'de-CH', 'fr'), (cents, locale) => {
        const value = cents / 100 || 0;
        const text = new Intl.NumberFormat(locale, { minimumFractionDigits: 2 }).format(value);
        expect(parseNumber(text, locale)).toEqual({ ok: true, value });
      }),
      { numRuns: 300 },
    );
  });
});
