import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { I18nContext, type I18nValue } from './i18n-context.js';
import { detectLocale, type Locale } from './locales.js';
import { createTranslator } from './translator.js';

/** Where the chosen language is remembered, per browser. */
export const LOCALE_STORAGE_KEY = 'jornada.locale';

function readStoredLocale(): string | null {
  try {
    return window.localStorage.getItem(LOCALE_STORAGE_KEY);
  } catch {
    // Storage can be off (private modes, policies): the browser's language still applies.
    return null;
  }
}

export function initialLocale(): Locale {
  return detectLocale({ stored: readStoredLocale(), browserLanguages: navigator.languages.length > 0 ? navigator.languages : [navigator.language] });
}

/** Gives the tree `useT()` / `useI18n()`; the language is remembered and set on <html lang>. */
export function I18nProvider({ children, locale: fixedLocale }: { children: ReactNode; locale?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(() => fixedLocale ?? initialLocale());

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      window.localStorage.setItem(LOCALE_STORAGE_KEY, next);
    } catch {
      // Not remembered across visits, but switched for this one.
    }
  }, []);

  const value = useMemo<I18nValue>(() => ({ ...createTranslator(locale), setLocale }), [locale, setLocale]);
  return <I18nContext value={value}>{children}</I18nContext>;
}
