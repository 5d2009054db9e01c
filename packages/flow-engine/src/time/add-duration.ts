/**
 * Moving an instant forward or back by a duration, as journey waits ("wait 3 days") need.
 */
import { addDays } from './civil-date.js';
import { zonedParts, zonedToInstant } from './zoned-time.js';

/** Units a journey wait can be expressed in. */
export type DurationUnit = 'seconds' | 'minutes' | 'hours' | 'days';

const UNIT_MS: Record<DurationUnit, number> = {
  seconds: 1000,
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
};

/**
 * `now` moved by `amount` units (negative goes back).
 *
 * Seconds, minutes and hours are exact elapsed time. Days are calendar days: with a
 * `timezone`, the local wall-clock time is kept across DST changes ("3 days later at 10:00"
 * stays 10:00 even though one of those days had 23 hours); without one they are 24h each.
 * The fractional part of a day count is added as elapsed time. A wall time that falls in a
 * DST gap is shifted forward, one in an overlap takes the earlier instant.
 * @throws RangeError for a non-finite amount, an invalid Date or an unknown time zone.
 */
export function addDuration(now: Date, amount: number, unit: DurationUnit, timezone?: string): Date {
  const start = now.getTime();
  if (Number.isNaN(start)) throw new RangeError('Invalid Date');
  if (!Number.isFinite(amount)) throw new RangeError(`Invalid duration amount: ${amount}`);
  if (unit !== 'days' || timezone === undefined) return new Date(start + amount * UNIT_MS[unit]);

  const wholeDays = Math.trunc(amount);
  const fraction = amount - wholeDays;
  const local = zonedParts(now, timezone);
  const targetDate = addDays(local, wholeDays);
  const moved = zonedToInstant({ ...targetDate, hour: local.hour, minute: local.minute, second: local.second }, timezone);
  const milliseconds = ((start % 1000) + 1000) % 1000;
  return new Date(moved.getTime() + milliseconds + fraction * UNIT_MS.days);
}
