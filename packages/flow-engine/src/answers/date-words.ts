/**
 * Month names and relative-day words customers use, in Portuguese and English (accents
 * already removed by normalizeText). Both languages are always accepted: a month name only
 * counts next to a day number, so 'mar' or 'out' in a sentence do not create dates.
 */

const MONTHS: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ['janeiro', 'jan', 'january']],
  [2, ['fevereiro', 'fev', 'february', 'feb']],
  [3, ['marco', 'mar', 'march']],
  [4, ['abril', 'abr', 'april', 'apr']],
  [5, ['maio', 'mai', 'may']],
  [6, ['junho', 'jun', 'june']],
  [7, ['julho', 'jul', 'july']],
  [8, ['agosto', 'ago', 'august', 'aug']],
  [9, ['setembro', 'set', 'september', 'sept', 'sep']],
  [10, ['outubro', 'out', 'october', 'oct']],
  [11, ['novembro', 'nov', 'november']],
  [12, ['dezembro', 'dez', 'december', 'dec']],
];

const MONTH_BY_NAME = new Map<string, number>(MONTHS.flatMap(([month, names]) => names.map((name) => [name, month] as const)));

/** Regex alternation of every month name, longest first so 'setembro' beats 'set'. */
export const MONTH_NAME_PATTERN = [...MONTH_BY_NAME.keys()].sort((a, b) => b.length - a.length).join('|');

/** Month number (1-12) of a normalised month name, or `undefined`. */
export function monthFromName(name: string): number | undefined {
  return MONTH_BY_NAME.get(name);
}

/** Relative-day words and their offset from today, longest phrases first. */
const RELATIVE_DAYS: ReadonlyArray<readonly [string, number]> = [
  ['depois de amanha', 2],
  ['day after tomorrow', 2],
  ['day before yesterday', -2],
  ['anteontem', -2],
  ['amanha', 1],
  ['tomorrow', 1],
  ['hoje', 0],
  ['hj', 0],
  ['today', 0],
  ['ontem', -1],
  ['yesterday', -1],
];

const OFFSET_BY_WORD = new Map<string, number>(RELATIVE_DAYS);

/** Regex alternation of the relative-day words. */
export const RELATIVE_DAY_PATTERN = RELATIVE_DAYS.map(([word]) => word.replace(/ /gu, '\\s+')).join('|');

/** Days from today for a matched relative-day word ('amanha' -> 1). */
export function relativeDayOffset(word: string): number | undefined {
  return OFFSET_BY_WORD.get(word.replace(/\s+/gu, ' '));
}
