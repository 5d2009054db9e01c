/**
 * Converting between instants and wall-clock time in an IANA zone, using only `Intl`.
 * The offset of a zone at an instant is read back from the formatter; going the other way
 * (wall clock -> instant) tries the offsets in force a day before and a day after, which
 * finds both instants of a DST overlap and detects a DST gap.
 */
import { type CivilDate, DAY_MS, type Weekday, isValidCivilDate, wallClockToMs, weekdayOf } from './civil-date.js';
import { wallClockFormatter } from './time-zone.js';

/** Wall-clock fields of an instant in a zone; `month` 1-12, `weekday` 0 = Sunday. */
export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: Weekday;
}

/** Wall-clock fields to turn into an instant; `second` defaults to 0. */
export interface WallClockTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second?: number;
}

function requireValidInstant(instant: Date): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid Date');
  return ms;
}

/**
 * The wall-clock date and time of `instant` in `timezone` (milliseconds are dropped).
 * @throws RangeError for an invalid Date or an unknown time zone.
 */
export function zonedParts(instant: Date, timezone: string): ZonedParts {
  const ms = requireValidInstant(instant);
  if (ms < CACHE_FROM_MS) return formattedParts(ms, timezone);
  // Since 1970 every zone's offset is a whole number of 15 minutes and changes only at
  // instants on a 15-minute UTC grid, so one offset per (zone, 15-minute slot) is exact;
  // the wall clock then follows by arithmetic instead of a costly Intl call per timer.
  const slot = Math.floor(ms / OFFSET_SLOT_MS);
  const key = `${timezone}|${slot}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const start = slot * OFFSET_SLOT_MS;
    const p = formattedParts(start, timezone);
    offset = wallClockToMs(p, p.hour, p.minute, p.second) - start;
    if (offsets.size >= MAX_CACHED_OFFSETS) offsets.clear();
    offsets.set(key, offset);
  }
  const wall = new Date(ms - (((ms % 1000) + 1000) % 1000) + offset);
  const fields = {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
  };
  return { ...fields, weekday: weekdayOf(fields) };
}

const OFFSET_SLOT_MS = 15 * 60_000;
const CACHE_FROM_MS = 0;
const MAX_CACHED_OFFSETS = 50_000;
const offsets = new Map<string, number>();

/** Wall-clock fields straight from Intl (the reference the offset cache is built from). */
function formattedParts(ms: number, timezone: string): ZonedParts {
  const fields = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of wallClockFormatter(timezone).formatToParts(ms)) {
    if (part.type in fields) fields[part.type as keyof typeof fields] = Number(part.value);
  }
  // Some ICU versions print midnight as 24 even with h23.
  if (fields.hour === 24) fields.hour = 0;
  return { ...fields, weekday: weekdayOf(fields) };
}

/** Offset of `timezone` from UTC at `epochMs`, in milliseconds (e.g. -3h for São Paulo). */
export function offsetAt(epochMs: number, timezone: string): number {
  const p = zonedParts(new Date(epochMs), timezone);
  const wholeSecond = epochMs - (((epochMs % 1000) + 1000) % 1000);
  return wallClockToMs(p, p.hour, p.minute, p.second) - wholeSecond;
}

function requireValidWallClock(parts: WallClockTime): number {
  const second = parts.second ?? 0;
  const inRange = (n: number, max: number): boolean => Number.isInteger(n) && n >= 0 && n <= max;
  if (!isValidCivilDate(parts.year, parts.month, parts.day) || !inRange(parts.hour, 23) || !inRange(parts.minute, 59) || !inRange(second, 59)) {
    throw new RangeError(`Invalid wall-clock time: ${JSON.stringify(parts)}`);
  }
  return wallClockToMs(parts, parts.hour, parts.minute, second);
}

/**
 * Every instant whose wall clock in `timezone` reads `parts`, earliest first:
 * one normally, two in a DST overlap, none in a DST gap.
 * @throws RangeError for impossible fields or an unknown time zone.
 */
export function possibleInstants(parts: WallClockTime, timezone: string): Date[] {
  const wall = requireValidWallClock(parts);
  const offsets = new Set([offsetAt(wall - DAY_MS, timezone), offsetAt(wall + DAY_MS, timezone)]);
  const found: number[] = [];
  for (const offset of offsets) {
    const candidate = wall - offset;
    if (offsetAt(candidate, timezone) === offset && !found.includes(candidate)) found.push(candidate);
  }
  return found.sort((a, b) => a - b).map((ms) => new Date(ms));
}

/**
 * The instant at which the wall clock in `timezone` reads `parts`.
 * Deterministic around DST: in an overlap (the hour that happens twice) the earlier instant
 * wins; in a gap (the hour that never happens) the time is shifted forward by the gap's
 * length, so 02:30 on a New York spring-forward day becomes 03:30 EDT.
 * @throws RangeError for impossible fields (month 13, 31/02, hour 24) or an unknown zone.
 */
export function zonedToInstant(parts: WallClockTime, timezone: string): Date {
  const [earliest] = possibleInstants(parts, timezone);
  if (earliest) return earliest;
  // Gap: read the wall time with the offset in force before the jump.
  const wall = requireValidWallClock(parts);
  return new Date(wall - offsetAt(wall - DAY_MS, timezone));
}

/**
 * The first whole second in (fromMs, toMs] whose UTC offset differs from the offset at
 * `fromMs`, or `null` when the offset is the same at both ends. Assumes at most one
 * transition in the range (true for any range shorter than a few weeks).
 */
export function findOffsetChange(fromMs: number, toMs: number, timezone: string): number | null {
  // Transitions happen on whole seconds, so searching on the second grid loses nothing.
  let lo = fromMs - (((fromMs % 1000) + 1000) % 1000);
  const before = offsetAt(lo, timezone);
  if (offsetAt(toMs, timezone) === before) return null;
  let hi = toMs;
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (offsetAt(mid, timezone) === before) lo = mid;
    else hi = mid;
  }
  // The change lies in (lo, hi] with hi - lo <= 1s, and only lo + 1s is a whole second there.
  return lo + 1000;
}

/** The calendar date of `instant` in `timezone`. */
export function zonedDate(instant: Date, timezone: string): CivilDate {
  const { year, month, day } = zonedParts(instant, timezone);
  return { year, month, day };
}
