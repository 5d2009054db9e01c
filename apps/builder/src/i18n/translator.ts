import { CATALOGUES, type MessageKey, type Messages } from './catalog.js';
import type { Message, PluralForms } from './define-messages.js';
import { createFormatters, type Formatters } from './format.js';
import type { Locale } from './locales.js';
import { interpolate, type ParamsArgs } from './placeholders.js';

/** `t('flows.title')`, `t('flows.count', { count: 3 })`: typed by the English catalogue. */
export type Translate = <K extends MessageKey>(key: K, ...params: ParamsArgs<Messages[K]>) => string;

export interface Translator {
  readonly locale: Locale;
  readonly t: Translate;
  readonly format: Formatters;
}

export function createTranslator(locale: Locale, catalogues = CATALOGUES): Translator {
  const format = createFormatters(locale);
  const pluralRules = new Intl.PluralRules(locale);
  const formatNumber = (value: number): string => format.number(value);

  const pick = (forms: PluralForms, count: number): string => {
    if (count === 0 && forms.zero !== undefined) return forms.zero;
    const category = pluralRules.select(count) as keyof PluralForms;
    return forms[category] ?? forms.other;
  };

  const t = ((key: string, params: Readonly<Record<string, string | number>> = {}): string => {
    // Types make a missing key impossible; a stale bundle still shows English, then the key.
    const message: Message | undefined = catalogues[locale][key] ?? catalogues.en[key];
    if (message === undefined) return key;
    const count = params['count'];
    const text = typeof message === 'string' ? message : pick(message, typeof count === 'number' ? count : Number.NaN);
    return interpolate(text, params, formatNumber);
  }) as Translate;

  return { locale, t, format };
}
