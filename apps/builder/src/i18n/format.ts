import type { Locale } from './locales.js';

/**
 * Number, date and list formatting for one locale, through Intl. Formatters are built once per
 * option set: creating an Intl formatter costs far more than using one, and lists of hundreds
 * of flows format a date per row.
 */
export interface Formatters {
  number(value: number, options?: Intl.NumberFormatOptions): string;
  currency(value: number, currency: string): string;
  date(value: Date | string | number, options?: Intl.DateTimeFormatOptions): string;
  dateTime(value: Date | string | number): string;
  /** "3 minutes ago", "yesterday", "in 2 days" relative to `now`. */
  relative(value: Date | string | number, now?: number): string;
  list(items: readonly string[]): string;
}

export function createFormatters(locale: Locale): Formatters {
  const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.ListFormat>();
  function cached<F extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.ListFormat>(key: string, make: () => F): F {
    let formatter = cache.get(key);
    if (formatter === undefined) {
      formatter = make();
      cache.set(key, formatter);
    }
    return formatter as F;
  }
  const toDate = (value: Date | string | number): Date => (value instanceof Date ? value : new Date(value));

  return {
    number: (value, options) => cached(`n${JSON.stringify(options ?? {})}`, () => new Intl.NumberFormat(locale, options)).format(value),
    currency: (value, currency) =>
      cached(`c${currency}`, () => new Intl.NumberFormat(locale, { style: 'currency', currency })).format(value),
    date: (value, options = { dateStyle: 'medium' }) =>
      cached(`d${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options)).format(toDate(value)),
    dateTime: (value) =>
      cached('dt', () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })).format(toDate(value)),
    relative: (value, now = Date.now()) => {
      const formatter = cached('r', () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
      const seconds = Math.round((toDate(value).getTime() - now) / 1000);
      const abs = Math.abs(seconds);
      if (abs < 45) return formatter.format(0, 'second');
      if (abs < 45 * 60) return formatter.format(Math.round(seconds / 60), 'minute');
      if (abs < 22 * 3600) return formatter.format(Math.round(seconds / 3600), 'hour');
      if (abs < 26 * 86400) return formatter.format(Math.round(seconds / 86400), 'day');
      if (abs < 320 * 86400) return formatter.format(Math.round(seconds / (30 * 86400)), 'month');
      return formatter.format(Math.round(seconds / (365 * 86400)), 'year');
    },
    list: (items) => cached('l', () => new Intl.ListFormat(locale, { type: 'conjunction' })).format(items),
  };
}
