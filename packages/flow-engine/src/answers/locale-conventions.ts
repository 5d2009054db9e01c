/**
 * How a locale writes numbers and dates, read from `Intl` so any BCP 47 locale works.
 * Unknown locales fall back to 'en' explicitly: `Intl` would otherwise fall back to the
 * host's default locale and make the engine's output depend on the machine it runs on.
 */

const FALLBACK_LOCALE = 'en';

/** Decimal and grouping characters of a locale ('pt-BR': ',' and '.'). */
export interface NumberSeparators {
  decimal: string;
  group: string;
}

/** Order of day and month in a locale's numeric dates. */
export type DateOrder = 'day-month' | 'month-day' | 'year-month-day';

const separatorsCache = new Map<string, NumberSeparators>();
const dateOrderCache = new Map<string, DateOrder>();
const MAX_CACHED = 256;

/** `locale` if this runtime supports it (also 'pt_BR' spelled with '_'), else the fallback. */
export function supportedLocale(locale: string): string {
  if (typeof locale !== 'string') return FALLBACK_LOCALE;
  try {
    const [supported] = Intl.NumberFormat.supportedLocalesOf(locale.replace(/_/gu, '-'));
    return supported ?? FALLBACK_LOCALE;
  } catch {
    return FALLBACK_LOCALE;
  }
}

function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, value);
  return value;
}

/** Decimal and group separators of `locale`. */
export function numberSeparators(locale: string): NumberSeparators {
  const cached = separatorsCache.get(locale);
  if (cached) return cached;
  const parts = new Intl.NumberFormat(supportedLocale(locale)).formatToParts(1234567.5);
  const decimal = parts.find((part) => part.type === 'decimal')?.value ?? '.';
  const group = parts.find((part) => part.type === 'group')?.value ?? (decimal === ',' ? '.' : ',');
  return remember(separatorsCache, locale, { decimal, group });
}

/** Whether `locale` writes 25/12 (day-month), 12/25 (month-day) or 2026/12/25. */
export function dateOrder(locale: string): DateOrder {
  const cached = dateOrderCache.get(locale);
  if (cached) return cached;
  const types = new Intl.DateTimeFormat(supportedLocale(locale), { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' })
    .formatToParts(new Date(0))
    .map((part) => part.type);
  const year = types.indexOf('year');
  const month = types.indexOf('month');
  const day = types.indexOf('day');
  const order: DateOrder = year < month && month < day ? 'year-month-day' : month < day ? 'month-day' : 'day-month';
  return remember(dateOrderCache, locale, order);
}
