/**
 * A calendar date out of an answer: numeric dates in the locale's day/month order, ISO,
 * month names in Portuguese or English, and 'hoje'/'amanhã'/'ontem' relative to "now" in
 * the workspace time zone.
 */
import { type CivilDate, addDays, formatIsoDate, isValidCivilDate } from '../time/civil-date.js';
import { isValidTimeZone } from '../time/time-zone.js';
import { zonedDate } from '../time/zoned-time.js';
import { MONTH_NAME_PATTERN, RELATIVE_DAY_PATTERN, monthFromName, relativeDayOffset } from './date-words.js';
import { dateOrder } from './locale-conventions.js';
import { normalizeText } from './normalize-text.js';
import { type Parsed, fail, rejectUnusable, single } from './parsed.js';

/** Options for {@link parseDate}; `now` and `timezone` define "today". */
export interface ParseDateOptions {
  locale: string;
  timezone: string;
  now: Date;
}

/** 2026-12-25, 2026/12/25. */
const YEAR_FIRST = /(?<!\d)(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/gu;
/** 25/12/2026, 25-12-26, 25.12, 12/25 (same separator throughout). */
const NUMERIC = /(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{4}|\d{2}))?(?!\d|[/.-]\d)/gu;
/** 25 de dezembro de 2026, 25 dez, 1º de maio, 25th of December, 25/dez/26. */
const DAY_MONTH_NAME = new RegExp(
  `(?<!\\d)(\\d{1,2})(?:o|a|st|nd|rd|th)?\\.?\\s*(?:de\\s+|of\\s+|[/.-]\\s*)?(${MONTH_NAME_PATTERN})(?!\\p{L})\\.?` +
    `(?:(?:,?\\s*(?:de\\s+)?|\\s*[/.-]\\s*)(\\d{4})(?!\\d)|\\s*[/.-]\\s*(\\d{2})(?!\\d))?`,
  'gu',
);
/** December 25, 2026; Dec 25. */
const MONTH_NAME_DAY = new RegExp(`(?<!\\p{L})(${MONTH_NAME_PATTERN})(?!\\p{L})\\.?\\s*(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)(?:,?\\s*(\\d{4})(?!\\d))?`, 'gu');
const RELATIVE_DAY = new RegExp(`(?<!\\p{L})(${RELATIVE_DAY_PATTERN})(?!\\p{L})`, 'gu');

/**
 * Two-digit years: the nearest year that is at most 20 years ahead ('26' -> 2026,
 * '85' -> 1985), so birthdays and delivery dates both come out right.
 */
function fullYear(written: string | undefined, currentYear: number): number {
  if (written === undefined) return currentYear;
  if (written.length === 4) return Number(written);
  const year = Math.floor(currentYear / 100) * 100 + Number(written);
  return year > currentYear + 20 ? year - 100 : year;
}

type Candidate = CivilDate | null;

function dateOrNull(year: number, month: number, day: number): Candidate {
  return isValidCivilDate(year, month, day) ? { year, month, day } : null;
}

/**
 * Day and month from a numeric date in the locale's order. When that reading has a month
 * above 12 but the other order is a real date ('25/12' typed in the US), the other order is
 * taken: there is only one sensible reading.
 */
function numericDate(first: number, second: number, year: number, locale: string): Candidate {
  const dayFirst = dateOrder(locale) === 'day-month';
  const [day, month] = dayFirst ? [first, second] : [second, first];
  const inLocaleOrder = dateOrNull(year, month, day);
  if (inLocaleOrder || month <= 12) return inLocaleOrder;
  return dateOrNull(year, day, month);
}

/**
 * Runs `pattern` over `text`, collecting one candidate per match, and blanks the matched
 * spans so later, looser patterns cannot read the same characters again.
 */
function harvest(text: string, pattern: RegExp, read: (match: RegExpMatchArray) => Candidate, into: Candidate[]): string {
  let blanked = '';
  let from = 0;
  for (const match of text.matchAll(pattern)) {
    const index = match.index ?? 0;
    into.push(read(match));
    blanked += text.slice(from, index) + ' '.repeat(match[0].length);
    from = index + match[0].length;
  }
  return blanked + text.slice(from);
}

/**
 * Reads a date and returns it as 'YYYY-MM-DD'.
 *
 * Understands 'DD/MM/YYYY', 'DD/MM/YY', 'DD/MM' (current year), '-' or '.' separators, ISO
 * 'YYYY-MM-DD', '25 de dezembro de 2026', '25 dez', 'December 25, 2026', 'Dec 25',
 * '25 December 2026', and 'hoje'/'amanhã'/'ontem'/'depois de amanhã' (and English
 * equivalents), also inside a sentence. Numeric day/month order follows `locale` (pt-BR:
 * 25/12, en-US: 12/25). "Today" and the current year are taken from `now` in `timezone`
 * (UTC when the zone is unknown).
 *
 * @returns `'invalid'` for impossible dates (31/02) or no date, `'ambiguous'` for two
 * different dates. Never throws.
 */
export function parseDate(text: string, opts: ParseDateOptions): Parsed<string> {
  const unusable = rejectUnusable(text);
  if (unusable) return unusable;
  if (!(opts.now instanceof Date) || Number.isNaN(opts.now.getTime())) return fail('invalid');
  const today = zonedDate(opts.now, isValidTimeZone(opts.timezone) ? opts.timezone : 'UTC');
  const locale = opts.locale;

  const candidates: Candidate[] = [];
  let rest = normalizeText(text);
  rest = harvest(rest, YEAR_FIRST, (m) => dateOrNull(Number(m[1]), Number(m[3]), Number(m[4])), candidates);
  rest = harvest(rest, NUMERIC, (m) => numericDate(Number(m[1]), Number(m[3]), fullYear(m[4], today.year), locale), candidates);
  rest = harvest(rest, DAY_MONTH_NAME, (m) => dateOrNull(fullYear(m[3] ?? m[4], today.year), monthFromName(m[2] ?? '') ?? 0, Number(m[1])), candidates);
  rest = harvest(rest, MONTH_NAME_DAY, (m) => dateOrNull(fullYear(m[3], today.year), monthFromName(m[1] ?? '') ?? 0, Number(m[2])), candidates);
  harvest(rest, RELATIVE_DAY, (m) => addDays(today, relativeDayOffset(m[1] ?? '') ?? 0), candidates);

  const dates = candidates.filter((c): c is CivilDate => c !== null).map(formatIsoDate);
  return single(dates, fail('invalid'));
}
