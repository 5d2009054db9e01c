import { createContext } from 'react';
import type { Locale } from './locales.js';
import type { Translator } from './translator.js';

export interface I18nValue extends Translator {
  setLocale(locale: Locale): void;
}

export const I18nContext = createContext<I18nValue | null>(null);
