import type { FormatEnv } from './types.js';

export type DateStyle = 'short' | 'long' | 'datetime' | 'time';

type SupportedLocale = 'pt-BR' | 'en-US';

/** Portuguese variants use pt-BR conventions; every other locale falls back to English. */
export function resolveLocale(locale: string): SupportedLocale {
  return /^pt(?:[-_]|$)/i.test(String(locale ?? '').trim()) ? 'pt-BR' : 'en-US';
}

// Intl puts (narrow) no-break spaces after "R$" and before "PM"; plain spaces render the
// same in every channel and keep stored messages and test fixtures comparable.
function plainSpaces(text: string): string {
  return text.replace(/[\u00A0\u202F]/g, ' ');
}

// Building Intl formatters is the slow part of rendering, so reuse them. The cache is
// bounded and only ever holds formatters, which makes it invisible to callers.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
const MAX_CACHED_FORMATTERS = 200;

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, create: () => T): T {
  const hit = formatters.get(key);
  if (hit !== undefined) return hit as T;
  const made = create();
  if (formatters.size >= MAX_CACHED_FORMATTERS) formatters.clear();
  formatters.set(key, made);
  return made;
}

/**
 * Formats `value` as money in the locale of `env`: pt-BR BRL 1234.5 -> `R$ 1.234,50`,
 * en USD -> `$1,234.50`. `currency` overrides `env.currency`. Non-finite -> ''; an
 * unknown currency code falls back to `CODE 1,234.50`.
 */
export function formatCurrency(value: number, env: FormatEnv, currency?: string): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '';
  const locale = resolveLocale(env.locale);
  const code = String(currency ?? env.currency ?? '').trim().toUpperCase();
  try {
    const format = cached(`n|${locale}|${code}`, () => new Intl.NumberFormat(locale, { style: 'currency', currency: code }));
    return plainSpaces(format.format(value));
  } catch {
    const amount = formatNumber(value, env, 2);
    return code === '' ? amount : `${code} ${amount}`;
  }
}

/**
 * Formats a number with the locale's separators: pt-BR 1234.5 -> `1.234,5`. With
 * `decimals` exactly that many fraction digits (0-10); without, up to 2. Non-finite -> ''.
 */
export function formatNumber(value: number, env: FormatEnv, decimals?: number): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '';
  const locale = resolveLocale(env.locale);
  const fixed = decimals === undefined || !Number.isFinite(decimals) ? undefined : Math.min(10, Math.max(0, Math.trunc(decimals)));
  const format = cached(`d|${locale}|${fixed ?? ''}`, () =>
    fixed === undefined
      ? new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })
      : new Intl.NumberFormat(locale, { minimumFractionDigits: fixed, maximumFractionDigits: fixed }),
  );
  return plainSpaces(format.format(value));
}

const DATE_OPTIONS: Readonly<Record<'short' | 'long', Intl.DateTimeFormatOptions>> = {
  short: { day: '2-digit', month: '2-digit', year: 'numeric' },
  long: { day: 'numeric', month: 'long', year: 'numeric' },
};

// Brazilians write 09:05, Americans 9:05 AM.
const TIME_OPTIONS: Readonly<Record<SupportedLocale, Intl.DateTimeFormatOptions>> = {
  'pt-BR': { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  'en-US': { hour: 'numeric', minute: '2-digit' },
};

/**
 * Formats a date in `env.timezone`: pt-BR short `25/12/2026`, en short `12/25/2026`,
 * long `25 de dezembro de 2026` / `December 25, 2026`, time `14:30` / `2:30 PM`,
 * datetime = short + ' ' + time. Accepts Date, epoch milliseconds (or seconds, below
 * 1e11) and ISO 8601 strings. Strings without a UTC offset (`2026-12-25`,
 * `2026-12-25T10:00`) are calendar/wall-clock values and are shown as written, not
 * shifted by the time zone. Anything unparseable -> ''.
 */
export function formatDate(value: string | number | Date, env: FormatEnv, style: DateStyle = 'short'): string {
  try {
    const parsed = parseDateInput(value);
    if (parsed === null) return '';
    const zone = parsed.floating ? 'UTC' : String(env.timezone);
    if (style === 'datetime') {
      return `${formatInstant(parsed.date, env.locale, zone, 'short')} ${formatInstant(parsed.date, env.locale, zone, 'time')}`;
    }
    return formatInstant(parsed.date, env.locale, zone, style === 'long' || style === 'time' ? style : 'short');
  } catch {
    return '';
  }
}

function formatInstant(date: Date, locale: string, zone: string, style: 'short' | 'long' | 'time'): string {
  const resolved = resolveLocale(locale);
  const make = (timeZone: string) =>
    cached(`t|${resolved}|${timeZone}|${style}`, () => {
      const options = style === 'time' ? TIME_OPTIONS[resolved] : DATE_OPTIONS[style];
      return new Intl.DateTimeFormat(resolved, { ...options, timeZone });
    });
  let format: Intl.DateTimeFormat;
  try {
    format = make(zone);
  } catch {
    // An invalid IANA zone in settings must not blank every date: show UTC instead.
    format = make('UTC');
  }
  return plainSpaces(format.format(date));
}

interface ParsedDate {
  date: Date;
  /** No offset in the input: render in UTC so the wall-clock value is shown as written. */
  floating: boolean;
}

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

// Epoch values below this are taken as seconds: as milliseconds they would be in 1973.
const SECONDS_THRESHOLD = 1e11;

function parseDateInput(value: unknown): ParsedDate | null {
  if (value instanceof Date) return valid(value.getTime(), false);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    return valid(Math.abs(value) < SECONDS_THRESHOLD ? value * 1000 : value, false);
  }
  if (typeof value !== 'string') return null;
  const match = ISO_DATE.exec(value.trim());
  if (match === null) return null;
  const [, y, mo, d, h, mi, s, fraction, zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hours = Number(h ?? 0);
  const minutes = Number(mi ?? 0);
  const seconds = Number(s ?? 0);
  const millis = Number((fraction ?? '0').padEnd(3, '0').slice(0, 3));
  if (month < 1 || month > 12 || day < 1 || day > 31 || hours > 23 || minutes > 59 || seconds > 59) return null;
  const calendar = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not turn years 0-99 into 1900-1999.
  calendar.setUTCFullYear(year, month - 1, day);
  calendar.setUTCHours(hours, minutes, seconds, millis);
  // 2026-02-31 would roll over into March; reject instead of guessing.
  if (calendar.getUTCDate() !== day) return null;
  const wallClock = calendar.getTime();
  if (zone === undefined) return valid(wallClock, true);
  return valid(wallClock - zoneOffsetMinutes(zone) * 60_000, false);
}

function zoneOffsetMinutes(zone: string): number {
  if (zone.toUpperCase() === 'Z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4));
  return zone.startsWith('-') ? -minutes : minutes;
}

function valid(time: number, floating: boolean): ParsedDate | null {
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? null : { date, floating };
}
