/**
 * IANA time-zone validation and the cached `Intl` formatter everything else reads
 * wall-clock fields from. Building a `DateTimeFormat` is far slower than using one, and
 * business-hours searches call it thousands of times.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Zone names are case-insensitive, so the cache is capped rather than trusted to stay small. */
const MAX_CACHED_FORMATTERS = 512;

/**
 * A formatter that prints every wall-clock field of an instant in `timezone`.
 * 'en-US' + h23 is fixed so the output never depends on the host's default locale.
 * @throws RangeError when `timezone` is not a valid IANA zone.
 */
export function wallClockFormatter(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    if (formatters.size >= MAX_CACHED_FORMATTERS) formatters.clear();
    formatters.set(timezone, formatter);
  }
  return formatter;
}

/**
 * Whether `tz` is an IANA time zone this runtime knows ('America/Sao_Paulo', 'UTC').
 * Never throws.
 */
export function isValidTimeZone(tz: string): boolean {
  if (typeof tz !== 'string' || tz.trim() === '') return false;
  try {
    wallClockFormatter(tz);
    return true;
  } catch {
    return false;
  }
}
