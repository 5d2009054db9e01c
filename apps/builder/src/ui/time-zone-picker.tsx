import { useMemo } from 'react';
import { useI18n } from '../i18n/index.js';
import { Combobox, type ComboboxOption } from './combobox.js';
import { allTimeZones, readableTimeZone, timeZoneOffset } from './time-zones.js';

/** A searchable list of every IANA time zone (`Intl.supportedValuesOf('timeZone')`), with offsets. */
const NO_EXTRA: readonly ComboboxOption[] = [];
const optionsByLocale = new Map<string, readonly ComboboxOption[]>();

/** Every zone with its current offset, built once per language (400 Intl calls). */
function zoneOptions(locale: string): readonly ComboboxOption[] {
  let options = optionsByLocale.get(locale);
  if (options === undefined) {
    const now = new Date();
    options = allTimeZones().map((zone) => {
      const offset = timeZoneOffset(zone, locale, now);
      return { value: zone, label: readableTimeZone(zone), meta: offset, keywords: offset.replace('GMT', 'UTC') };
    });
    optionsByLocale.set(locale, options);
  }
  return options;
}

export function TimeZonePicker({ label, hint, value, onChange, extraOptions = NO_EXTRA }: { label: string; hint?: string; value: string; onChange: (zone: string) => void; extraOptions?: readonly ComboboxOption[] }) {
  const { t, locale } = useI18n();
  const options = useMemo<ComboboxOption[]>(() => {
    const zones = zoneOptions(locale);
    // An unknown stored zone (an older browser's list) stays selectable.
    const unknown = value !== '' && !allTimeZones().includes(value) && !extraOptions.some((option) => option.value === value);
    return [...extraOptions, ...(unknown ? [{ value, label: readableTimeZone(value) }] : []), ...zones];
  }, [locale, value, extraOptions]);
  return <Combobox label={label} hint={hint} options={options} value={value} onChange={onChange} placeholder={t('common.timezoneSearch')} noMatch={(search) => t('common.timezoneNoMatch', { search })} />;
}
