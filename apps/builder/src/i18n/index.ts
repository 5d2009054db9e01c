/**
 * i18n: every label the builder shows goes through `t()`, in English and Brazilian Portuguese.
 *
 * How messages are organised — feature folders own theirs:
 *   1. A feature folder writes `src/<feature>/messages.ts`:
 *        import { defineMessages } from '../i18n/define-messages.js';
 *        export const messages = defineMessages({
 *          en: { 'editor.save': 'Save', 'editor.nodes': { one: '{count} box', other: '{count} boxes' } },
 *          'pt-BR': { 'editor.save': 'Salvar', 'editor.nodes': { one: '{count} caixa', other: '{count} caixas' } },
 *        });
 *      Keys start with the feature's name. Import `defineMessages` from './define-messages.js',
 *      never from this index (that would be an import cycle through the registry).
 *   2. It registers them with one line in `src/i18n/features.ts`:
 *        export * as editor from '../editor/messages.js';
 *   That is all: `t('editor.save')` now typechecks, a key missing in pt-BR is a type error, and
 *   `catalogue.spec.ts` checks both languages have the same keys, placeholders and no empty text.
 *
 * Use: `const t = useT(); t('flows.count', { count: 3 })`; `useI18n().format.date(...)` for
 * numbers, dates and relative times (Intl, in the current language). `{name}` placeholders are
 * typed from the English text; plurals are `{ zero?, one, other }` forms picked by
 * Intl.PluralRules (`zero` wins for 0). The chosen language is kept in localStorage and starts
 * from the browser's languages.
 */
export { defineMessages, type FeatureMessages, type Message, type PluralForms } from './define-messages.js';
export { I18nProvider, LOCALE_STORAGE_KEY } from './i18n-provider.js';
export { useI18n, useT } from './use-t.js';
export { LOCALES, LOCALE_NAMES, detectLocale, isLocale, type Locale } from './locales.js';
export { createTranslator, type Translate, type Translator } from './translator.js';
export type { MessageKey, Messages } from './catalog.js';
export type { Formatters } from './format.js';
