/** The languages the builder speaks. The first is the fallback. */
export const LOCALES = ['en', 'pt-BR'] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Each language named in itself, for the language switcher. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = { en: 'English', 'pt-BR': 'Português (Brasil)' };

/**
 * The locale to start in: the one the person chose before (stored), else the first browser
 * language we speak (any Portuguese reads pt-BR), else English.
 */
export function detectLocale({ stored, browserLanguages }: { stored: string | null; browserLanguages: readonly string[] }): Locale {
  if (isLocale(stored)) return stored;
  for (const language of browserLanguages) {
    const lower = language.toLowerCase();
    if (lower === 'pt' || lower.startsWith('pt-')) return 'pt-BR';
    if (lower === 'en' || lower.startsWith('en-')) return 'en';
  }
  return 'en';
}
