/**
 * 'HH:mm' wall-clock times as minutes since midnight.
 */

const CLOCK_TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** Minutes in a day; also the value of '24:00'. */
export const MINUTES_PER_DAY = 1440;

/**
 * Parses 'HH:mm' (or 'H:mm') into minutes since midnight. '24:00' is accepted only when
 * `allowEndOfDay` is set, because it is meaningful as the end of an interval but not as a
 * moment to schedule something at. Returns `null` when malformed.
 */
export function parseClockTime(text: string, allowEndOfDay = false): number | null {
  if (allowEndOfDay && text === '24:00') return MINUTES_PER_DAY;
  const match = CLOCK_TIME.exec(text);
  if (!match) return null;
  return Number(match[1]) * 60 + Number(match[2]);
}
