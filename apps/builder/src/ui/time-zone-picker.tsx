import { useMemo } from 'react';
import { useI18n } from '../i18n/index.js';
import { Combobox, type ComboboxOption } from './combobox.js';
import { allTimeZones, readableTimeZone, timeZoneOffset } from './time-zones.js';

/** A searchable list of every IANA time zone (`Intl.supportedValuesOf('timeZone')`), with offsets. */
const NO_EXTRA: readonly ComboboxOption[] = [];

export function TimeZonePicker({ label, hint, value, onChange, extraOptions = NO_EXTRA }: { label: string; hint?: string; value: string; onChange: (zone: string) => void; extraOptions?: readonly ComboboxOption[] }) {
  const { t, locale } = useI18n();
  const options = useMemo<ComboboxOption[]>(() => {
    const now = new Date();
    const zones = allTimeZones();
    // An unknown stored zone (an older browser's list) stays selectable.
    const list = value !== '' && !zones.includes(value) && !extraOptions.some((option) => option.value === value) ? [value, ...zones] : zones;
    return [
      ...extraOptions,
      ...list.map((zone) => {
        const offset = timeZoneOffset(zone, locale, now);
        return { value: zone, label: readableTimeZone(zone), meta: offset, keywords: offset.replace('GMT', 'UTC') };
      }),
    ];
  }, [locale, value, extraOptions]);
  return <Combobox label={label} hint={hint} options={options} value={value} onChange={onChange} placeholder={t('common.timezoneSearch')} noMatch={(search) => t('common.timezoneNoMatch', { search })} />;
}
