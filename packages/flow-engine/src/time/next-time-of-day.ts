/**
 * "Send at 09:00" style scheduling: the next moment a wall clock shows a given time.
 */
import { addDays } from './civil-date.js';
import { parseClockTime } from './clock-time.js';
import { zonedDate, zonedToInstant } from './zoned-time.js';

/**
 * The first instant strictly after `now` at which the wall clock in `timezone` reads
 * `time` ('HH:mm'). If that time does not exist on a day (DST gap) it is shifted forward;
 * if it happens twice (DST overlap) only the earlier one counts, so it fires once a day.
 * @throws RangeError for a malformed time, an invalid Date or an unknown time zone.
 */
export function nextTimeOfDay(now: Date, time: string, timezone: string): Date {
  const minutes = parseClockTime(time);
  if (minutes === null) throw new RangeError(`Invalid time of day (expected HH:mm): ${time}`);
  const today = zonedDate(now, timezone);
  // Today's occurrence may already have passed; a zone that skips a whole calendar day
  // (Samoa, 2011) could make tomorrow's land before now as well, hence a few tries.
  for (let offset = 0; offset <= 3; offset++) {
    const date = addDays(today, offset);
    const candidate = zonedToInstant({ ...date, hour: Math.floor(minutes / 60), minute: minutes % 60 }, timezone);
    if (candidate.getTime() > now.getTime()) return candidate;
  }
  throw new RangeError(`No ${time} found after ${now.toISOString()} in ${timezone}`);
}
