import { LOCALE_NAMES, LOCALES, isLocale, useI18n } from '../i18n/index.js';
import { SelectField } from '../ui/field.js';
import { Card } from '../ui/page.js';

/** What applies to the person, not the workspace: the builder's language. */
export function PreferencesSection() {
  const { t, locale, setLocale, format } = useI18n();
  return (
    <Card title={t('settings.preferences.title')} description={t('settings.preferences.description')}>
      <div style={{ maxWidth: 360 }}>
        <SelectField
          label={t('settings.preferences.language')}
          hint={t('settings.preferences.sample', { date: format.date(new Date(), { dateStyle: 'full' }), number: format.number(1234.5) })}
          value={locale}
          onChange={(event) => {
            if (isLocale(event.target.value)) setLocale(event.target.value);
          }}
        >
          {LOCALES.map((option) => (
            <option key={option} value={option} lang={option}>
              {LOCALE_NAMES[option]}
            </option>
          ))}
        </SelectField>
      </div>
    </Card>
  );
}
