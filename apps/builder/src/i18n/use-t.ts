import { use } from 'react';
import { I18nContext, type I18nValue } from './i18n-context.js';
import type { Translate } from './translator.js';

/** The current language, its formatters and `setLocale`. */
export function useI18n(): I18nValue {
  const value = use(I18nContext);
  if (value === null) throw new Error('useI18n() outside <I18nProvider>');
  return value;
}

/** The translate function of the current language. */
export function useT(): Translate {
  return useI18n().t;
}
