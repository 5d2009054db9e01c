/**
 * Calendar arithmetic on plain dates (no time, no zone), done with integer math so it is
 * exact, zone-free and independent of the host's `Date` quirks (years 0-99, local time).
 */

/** A calendar date; `month` is 1-12. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** Day of the week, 0 = Sunday ... 6 = Saturday (same as `Date#getUTCDay`). */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export const DAY_MS = 86_400_000;

/** Whether `year` is a leap year in the proleptic Gregorian calendar. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in `month` (1-12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Whether the three numbers form a real calendar date (31/02 does not). */
export function isValidCivilDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/**
 * Days since 1970-01-01 (Howard Hinnant's days_from_civil). Linear in `day`, so a day
 * overflow such as the 32nd simply lands in the next month.
 */
export function civilToEpochDays(date: CivilDate): number {
  const y = date.month <= 2 ? date.year - 1 : date.year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (date.month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + date.day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Inverse of {@link civilToEpochDays}. */
export function epochDaysToCivil(epochDays: number): CivilDate {
  const z = epochDays + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** `date` moved by `days` calendar days (negative goes back). */
export function addDays(date: CivilDate, days: number): CivilDate {
  return epochDaysToCivil(civilToEpochDays(date) + days);
}

/** Day of the week of a calendar date. 1970-01-01 was a Thursday. */
export function weekdayOf(date: CivilDate): Weekday {
  return ((((civilToEpochDays(date) + 4) % 7) + 7) % 7) as Weekday;
}

/** Wall-clock fields read as if they were UTC, in epoch milliseconds. */
export function wallClockToMs(date: CivilDate, hour: number, minute: number, second: number): number {
  return civilToEpochDays(date) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000;
}

/** 'YYYY-MM-DD'. */
export function formatIsoDate(date: CivilDate): string {
  const year = String(date.year).padStart(4, '0');
  return `${year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Strict 'YYYY-MM-DD' to a calendar date; `null` when malformed or not a real date. */
export function parseIsoDate(text: string): CivilDate | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return isValidCivilDate(year, month, day) ? { year, month, day } : null;
}
