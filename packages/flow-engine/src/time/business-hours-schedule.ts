/**
 * The business-hours configuration and its compiled form (minutes since midnight per
 * weekday, holiday sets). Compiling once keeps the open/next-open checks cheap and puts
 * all the tolerance for bad entries in one place.
 */
import { type CivilDate, formatIsoDate, parseIsoDate, weekdayOf } from './civil-date.js';
import { MINUTES_PER_DAY, parseClockTime } from './clock-time.js';
import { isValidTimeZone } from './time-zone.js';

/** Weekday keys of a schedule. */
export type DayKey = 'sun' | 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat';

/** One opening interval, 'HH:mm' to 'HH:mm' ('24:00' allowed as end). */
export interface OpeningInterval {
  start: string;
  end: string;
}

/**
 * Weekly opening hours. `timezone`, when set, overrides the workspace zone passed to the
 * functions. An interval whose end is earlier than its start runs past midnight
 * (22:00-02:00) and belongs to the day it starts on. `holidays` are closed all day:
 * 'YYYY-MM-DD' for one date, 'MM-DD' for every year.
 */
export interface BusinessHours {
  timezone?: string;
  days: Partial<Record<DayKey, OpeningInterval[]>>;
  holidays?: string[];
}

/** An interval in minutes since the start of its day; `end` may exceed 1440 (overnight). */
export interface CompiledInterval {
  start: number;
  end: number;
}

export interface CompiledSchedule {
  /** Indexed by weekday, 0 = Sunday; sorted by start. */
  byWeekday: readonly (readonly CompiledInterval[])[];
  isHoliday(date: CivilDate): boolean;
  hasAnyInterval: boolean;
}

export const DAY_KEYS: readonly DayKey[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const ANNUAL_HOLIDAY = /^(\d{2})-(\d{2})$/;

function compileInterval(interval: OpeningInterval): CompiledInterval | null {
  const start = parseClockTime(interval.start);
  const end = parseClockTime(interval.end, true);
  if (start === null || end === null || start === end) return null;
  return { start, end: end < start ? end + MINUTES_PER_DAY : end };
}

function isValidAnnualHoliday(text: string): boolean {
  const match = ANNUAL_HOLIDAY.exec(text);
  // 2000 is a leap year, so '02-29' is accepted as an annual holiday.
  return match !== null && parseIsoDate(`2000-${match[1]}-${match[2]}`) !== null;
}

/**
 * Compiles a schedule. Malformed intervals and holidays are skipped rather than thrown,
 * so a bad entry cannot stop a running journey; {@link validateBusinessHours} reports them.
 */
export function compileBusinessHours(hours: BusinessHours): CompiledSchedule {
  const byWeekday = DAY_KEYS.map((key) =>
    (hours.days[key] ?? [])
      .map(compileInterval)
      .filter((interval): interval is CompiledInterval => interval !== null)
      .sort((a, b) => a.start - b.start),
  );
  const fixed = new Set<string>();
  const annual = new Set<string>();
  for (const holiday of hours.holidays ?? []) {
    if (parseIsoDate(holiday)) fixed.add(holiday);
    else if (isValidAnnualHoliday(holiday)) annual.add(holiday);
  }
  return {
    byWeekday,
    hasAnyInterval: byWeekday.some((intervals) => intervals.length > 0),
    isHoliday(date: CivilDate): boolean {
      if (fixed.size === 0 && annual.size === 0) return false;
      const iso = formatIsoDate(date);
      return fixed.has(iso) || annual.has(iso.slice(5));
    },
  };
}

/** Intervals that open on `date` (none on a holiday). */
export function intervalsOn(schedule: CompiledSchedule, date: CivilDate): readonly CompiledInterval[] {
  if (schedule.isHoliday(date)) return [];
  return schedule.byWeekday[weekdayOf(date)] ?? [];
}

/**
 * Problems in a schedule, as human-readable messages (empty when valid). For flow linters
 * and settings forms; the runtime functions skip the offending entries instead.
 */
export function validateBusinessHours(hours: BusinessHours): string[] {
  const problems: string[] = [];
  if (hours.timezone !== undefined && !isValidTimeZone(hours.timezone)) problems.push(`Unknown time zone '${hours.timezone}'`);
  for (const key of Object.keys(hours.days)) {
    if (!(DAY_KEYS as readonly string[]).includes(key)) problems.push(`Unknown day '${key}' (use ${DAY_KEYS.join(', ')})`);
  }
  for (const key of DAY_KEYS) {
    for (const interval of hours.days[key] ?? []) {
      if (parseClockTime(interval.start) === null) problems.push(`${key}: invalid start '${interval.start}' (expected HH:mm)`);
      else if (parseClockTime(interval.end, true) === null) problems.push(`${key}: invalid end '${interval.end}' (expected HH:mm or 24:00)`);
      else if (interval.start === interval.end) problems.push(`${key}: interval ${interval.start}-${interval.end} is empty`);
    }
  }
  for (const holiday of hours.holidays ?? []) {
    if (!parseIsoDate(holiday) && !isValidAnnualHoliday(holiday)) problems.push(`Invalid holiday '${holiday}' (expected YYYY-MM-DD or MM-DD)`);
  }
  return problems;
}
