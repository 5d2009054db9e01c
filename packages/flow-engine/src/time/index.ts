/**
 * Calendar math in a workspace time zone, DST-correct, using only `Intl`.
 * Nothing here reads the clock: "now" is always a parameter.
 */
export type { CivilDate, Weekday } from './civil-date.js';
export type { DurationUnit } from './add-duration.js';
export { addDuration } from './add-duration.js';
export type { WallClockTime, ZonedParts } from './zoned-time.js';
export { possibleInstants, zonedParts, zonedToInstant } from './zoned-time.js';
export { isValidTimeZone } from './time-zone.js';
export { nextTimeOfDay } from './next-time-of-day.js';
export type { BusinessHours, DayKey, OpeningInterval } from './business-hours-schedule.js';
export { validateBusinessHours } from './business-hours-schedule.js';
export { isWithinBusinessHours, nextBusinessOpen } from './business-hours.js';
