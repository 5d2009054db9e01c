import { EN, PT } from './__fixtures__/env.js';
import { formatCurrency, formatDate, formatNumber, resolveLocale } from './format.js';
import type { FormatEnv } from './types.js';

const env = (locale: string, timezone = 'America/Sao_Paulo', currency = 'BRL'): FormatEnv => ({ locale, timezone, currency });

describe('resolveLocale', () => {
  it('maps Portuguese to pt-BR and everything else to English', () => {
    expect(resolveLocale('pt-BR')).toBe('pt-BR');
    expect(resolveLocale('pt')).toBe('pt-BR');
    expect(resolveLocale('pt_BR')).toBe('pt-BR');
    expect(resolveLocale('en')).toBe('en-US');
    expect(resolveLocale('es-AR')).toBe('en-US');
    expect(resolveLocale('')).toBe('en-US');
    expect(resolveLocale('ptx')).toBe('en-US');
  });
});

describe('formatCurrency', () => {
  it('formats BRL and USD in both locales with plain spaces', () => {
    expect(formatCurrency(1234.5, PT)).toBe('R$ 1.234,50');
    expect(formatCurrency(1234.5, PT, 'USD')).toBe('US$ 1.234,50');
    expect(formatCurrency(1234.5, EN)).toBe('$1,234.50');
    expect(formatCurrency(1234.5, EN, 'BRL')).toBe('R$1,234.50');
    expect(formatCurrency(-0.5, PT)).toBe('-R$ 0,50');
    expect(formatCurrency(0, EN, 'brl')).toBe('R$0.00');
    expect(formatCurrency(1234.5, PT)).not.toMatch(/\u00A0/);
  });

  it('handles bad input without throwing', () => {
    expect(formatCurrency(Number.NaN, PT)).toBe('');
    expect(formatCurrency(Number.POSITIVE_INFINITY, PT)).toBe('');
    expect(formatCurrency(10, PT, 'R$')).toBe('R$ 10,00');
    expect(formatCurrency(10, EN, '')).toBe('10.00');
  });
});

describe('formatNumber', () => {
  it('uses the locale separators', () => {
    expect(formatNumber(1234.5, PT)).toBe('1.234,5');
    expect(formatNumber(1234.5, EN)).toBe('1,234.5');
    expect(formatNumber(1234.5, PT, 2)).toBe('1.234,50');
    expect(formatNumber(1234.567, EN, 0)).toBe('1,235');
    expect(formatNumber(1.23456, EN)).toBe('1.23');
    expect(formatNumber(Number.NaN, EN)).toBe('');
  });
});

describe('formatDate', () => {
  const instant = '2026-12-25T02:00:00Z';

  it('formats short and long dates per locale', () => {
    expect(formatDate('2026-12-25T15:00:00Z', PT)).toBe('25/12/2026');
    expect(formatDate('2026-12-25T15:00:00Z', env('en'))).toBe('12/25/2026');
    expect(formatDate('2026-12-25T15:00:00Z', PT, 'long')).toBe('25 de dezembro de 2026');
    expect(formatDate('2026-12-25T15:00:00Z', env('en'), 'long')).toBe('December 25, 2026');
  });

  it('shifts instants into the configured time zone', () => {
    expect(formatDate(instant, PT)).toBe('24/12/2026');
    expect(formatDate(instant, env('pt-BR', 'UTC'))).toBe('25/12/2026');
    expect(formatDate(instant, env('pt-BR', 'Asia/Tokyo'))).toBe('25/12/2026');
    expect(formatDate(instant, env('en', 'America/Los_Angeles'))).toBe('12/24/2026');
    expect(formatDate('2026-12-25T02:00:00+02:00', env('pt-BR', 'UTC'))).toBe('25/12/2026');
    expect(formatDate('2026-12-25T23:30:00-0300', env('pt-BR', 'UTC'), 'datetime')).toBe('26/12/2026 02:30');
  });

  it('formats times and date-times', () => {
    expect(formatDate(instant, PT, 'time')).toBe('23:00');
    expect(formatDate(instant, PT, 'datetime')).toBe('24/12/2026 23:00');
    expect(formatDate('2026-12-25T17:30:00Z', env('en', 'America/Sao_Paulo'), 'time')).toBe('2:30 PM');
    expect(formatDate('2026-12-25T17:30:00Z', env('en', 'America/Sao_Paulo'), 'datetime')).toBe('12/25/2026 2:30 PM');
  });

  it('shows calendar dates and offset-less times as written', () => {
    expect(formatDate('2026-12-25', PT)).toBe('25/12/2026');
    expect(formatDate('2026-12-25', env('pt-BR', 'Pacific/Kiritimati'))).toBe('25/12/2026');
    expect(formatDate('2026-12-25T10:05', PT, 'datetime')).toBe('25/12/2026 10:05');
    expect(formatDate('2026-12-25 10:05:30.123', PT, 'time')).toBe('10:05');
  });

  it('accepts Date objects and epoch milliseconds or seconds', () => {
    const ms = Date.UTC(2026, 11, 25, 2);
    expect(formatDate(new Date(ms), PT)).toBe('24/12/2026');
    expect(formatDate(ms, PT)).toBe('24/12/2026');
    expect(formatDate(ms / 1000, PT)).toBe('24/12/2026');
  });

  it('returns "" for invalid input', () => {
    for (const bad of ['', 'amanhã', '25/12/2026', '2026-02-30', '2026-13-01', '2026-12-25T25:00', 'December 25, 2026']) {
      expect(formatDate(bad, PT)).toBe('');
    }
    expect(formatDate(Number.NaN, PT)).toBe('');
    expect(formatDate(new Date(Number.NaN), PT)).toBe('');
    expect(formatDate(1e20, PT)).toBe('');
    expect(formatDate({} as unknown as string, PT)).toBe('');
  });

  it('falls back to UTC for an invalid time zone and short for an unknown style', () => {
    expect(formatDate(instant, env('pt-BR', 'Mars/Olympus'))).toBe('25/12/2026');
    expect(formatDate(instant, PT, 'toString' as 'short')).toBe('24/12/2026');
  });
});
