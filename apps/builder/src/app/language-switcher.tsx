import { createTranslator, LOCALE_NAMES, LOCALES, useI18n, type Locale } from '../i18n/index.js';
import { Icon } from '../ui/icon.js';
import { Menu, MenuItem } from '../ui/menu.js';
import { useToast } from '../ui/toast.js';

const SHORT: Readonly<Record<Locale, string>> = { en: 'EN', 'pt-BR': 'PT' };

/** English or Portuguese for every label, date and number; remembered in this browser. */
export function LanguageSwitcher() {
  const { t, locale, setLocale } = useI18n();
  const toast = useToast();
  return (
    <Menu
      label={t('app.language.label')}
      trigger={(props) => (
        <button type="button" className="lang-button" aria-label={`${t('app.language.label')}: ${LOCALE_NAMES[locale]}`} {...props}>
          <Icon name="globe" size={16} />
          {SHORT[locale]}
        </button>
      )}
    >
      {LOCALES.map((option) => (
        <MenuItem
          key={option}
          checked={option === locale}
          onSelect={() => {
            if (option === locale) return;
            setLocale(option);
            // Said in the new language, so the reader sees the switch worked.
            toast.show({ tone: 'success', message: createTranslator(option).t('app.language.changed') });
          }}
        >
          <span lang={option}>{LOCALE_NAMES[option]}</span>
        </MenuItem>
      ))}
    </Menu>
  );
}
