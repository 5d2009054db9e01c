import { parseLocalizedNumber } from './parse-number.js';

describe('parseLocalizedNumber', () => {
  it.each<[string, number | null]>([
    ['1234', 1234],
    ['1.234,56', 1234.56],
    ['1,234.56', 1234.56],
    ['1.234.567,8', 1234567.8],
    ['1,234,567', 1234567],
    ['12,5', 12.5],
    ['12.5', 12.5],
    ['0,500', 0.5],
    ['1234,567', 1234.567],
    ['-1.234,50', -1234.5],
    ['R$ 1.234,56', 1234.56],
    ['R$\u00A01.234,56', 1234.56],
    ['-R$ 10,00', -10],
    ['US$ 5', 5],
    ['$1,000.25', 1000.25],
    ['99,90 BRL', 99.9],
    [' 42 ', 42],
    ['1e3', 1000],
    ['.5', 0.5],
    ['', null],
    ['abc', null],
    ['1.2.3', null],
    ['1,23,4', null],
    ['1.234,5.6', null],
    ['12abc', null],
  ])('%j -> %j (pt-BR)', (text, expected) => {
    expect(parseLocalizedNumber(text, 'pt-BR')).toBe(expected);
  });

  it('resolves the single three-digit group by locale', () => {
    expect(parseLocalizedNumber('1.234', 'pt-BR')).toBe(1234);
    expect(parseLocalizedNumber('1.234', 'en')).toBe(1.234);
    expect(parseLocalizedNumber('1,234', 'en')).toBe(1234);
    expect(parseLocalizedNumber('1,234', 'pt-BR')).toBe(1.234);
  });
});
