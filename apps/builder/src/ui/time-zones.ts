/** The browser's IANA time zone (`America/Sao_Paulo`), UTC when it cannot tell. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

let zones: readonly string[] | undefined;

/** Every IANA time zone this browser knows, with UTC first. */
export function allTimeZones(): readonly string[] {
  if (zones === undefined) {
    const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    zones = ['UTC', ...known.filter((zone) => zone !== 'UTC')];
  }
  return zones;
}

/** `America/Sao_Paulo` -> `America / Sao Paulo`, for reading. */
export function readableTimeZone(zone: string): string {
  return zone.replaceAll('_', ' ').replaceAll('/', ' / ');
}

/** The zone's current offset, `GMT-03:00`, in the given locale. */
export function timeZoneOffset(zone: string, locale: string, at = new Date()): string {
  try {
    const parts = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(at);
    return parts.find((part) => part.type === 'timeZoneName')?.value ?? '';
  } catch {
    return '';
  }
}
