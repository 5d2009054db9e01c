/**
 * "Are we open?" and "when do we open next?" for a weekly schedule in a time zone.
 * Openness is decided on the local wall clock (09:00-18:00 means 09:00-18:00 on the clock
 * on the wall, DST or not), and {@link isOpenAt} is the single source of truth that the
 * next-open search checks its candidates against.
 */
import { type CivilDate, addDays } from './civil-date.js';
import { type BusinessHours, type CompiledSchedule, compileBusinessHours, intervalsOn } from './business-hours-schedule.js';
import { findOffsetChange, possibleInstants, zonedParts, zonedToInstant } from './zoned-time.js';

/** How far ahead {@link nextBusinessOpen} looks: a year plus slack for annual closures. */
const SEARCH_DAYS = 370;

function scheduleZone(hours: BusinessHours, timezone: string): string {
  return hours.timezone !== undefined && hours.timezone !== '' ? hours.timezone : timezone;
}

function isOpenAt(schedule: CompiledSchedule, instant: Date, zone: string): boolean {
  const local = zonedParts(instant, zone);
  const secondOfDay = (local.hour * 60 + local.minute) * 60 + local.second;
  for (const interval of intervalsOn(schedule, local)) {
    if (interval.start * 60 <= secondOfDay && secondOfDay < interval.end * 60) return true;
  }
  // Overnight intervals from yesterday spill into today (they follow yesterday's holiday).
  for (const interval of intervalsOn(schedule, addDays(local, -1))) {
    if (secondOfDay < (interval.end - 1440) * 60) return true;
  }
  return false;
}

/**
 * Whether `now` falls inside the opening hours. The schedule's own `timezone` wins over
 * the workspace `timezone`. Malformed intervals/holidays are ignored.
 * @throws RangeError for an invalid Date or an unknown time zone.
 */
export function isWithinBusinessHours(now: Date, hours: BusinessHours, timezone: string): boolean {
  return isOpenAt(compileBusinessHours(hours), now, scheduleZone(hours, timezone));
}

function startOfDay(date: CivilDate, zone: string): number {
  return zonedToInstant({ ...date, hour: 0, minute: 0 }, zone).getTime();
}

/**
 * Moments on `date` at which the schedule can switch from closed to open: each interval
 * start (both instants if it happens twice) and any DST jump that day, since a jump can
 * skip over a start or land the clock back inside an interval.
 */
function openingCandidates(schedule: CompiledSchedule, date: CivilDate, dayStart: number, nextDayStart: number, zone: string): number[] {
  const candidates: number[] = [];
  for (const interval of intervalsOn(schedule, date)) {
    const wall = { ...date, hour: Math.floor(interval.start / 60), minute: interval.start % 60 };
    for (const instant of possibleInstants(wall, zone)) candidates.push(instant.getTime());
  }
  // Starting 1s early catches a jump at exactly midnight, where the day starts at the jump.
  const jump = findOffsetChange(dayStart - 1000, nextDayStart - 1000, zone);
  if (jump !== null) candidates.push(jump);
  return candidates;
}

/**
 * The first instant at or after `now` when the business is open: `now` itself when open,
 * otherwise the next opening (a DST-shifted one if the opening time is skipped that day).
 * Returns `null` when the schedule has no valid interval or nothing opens within ~370 days
 * (e.g. every remaining day is a holiday).
 * @throws RangeError for an invalid Date or an unknown time zone.
 */
export function nextBusinessOpen(now: Date, hours: BusinessHours, timezone: string): Date | null {
  const zone = scheduleZone(hours, timezone);
  const schedule = compileBusinessHours(hours);
  if (!schedule.hasAnyInterval) {
    zonedParts(now, zone); // still reject a bad Date or zone, like the open case would
    return null;
  }
  if (isOpenAt(schedule, now, zone)) return new Date(now.getTime());

  const nowMs = now.getTime();
  const today = zonedParts(now, zone);
  let dayStart = startOfDay(today, zone);
  for (let offset = 0; offset <= SEARCH_DAYS; offset++) {
    const date = addDays(today, offset);
    const nextDayStart = startOfDay(addDays(date, 1), zone);
    let best: number | null = null;
    for (const candidate of openingCandidates(schedule, date, dayStart, nextDayStart, zone)) {
      if (candidate < nowMs || (best !== null && candidate >= best)) continue;
      if (isOpenAt(schedule, new Date(candidate), zone)) best = candidate;
    }
    if (best !== null) return new Date(best);
    dayStart = nextDayStart;
  }
  return null;
}
