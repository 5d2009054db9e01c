import type { Locale } from './locales.js';

/** A message whose wording depends on a count: Intl.PluralRules picks the form; `zero` wins for 0. */
export interface PluralForms {
  readonly zero?: string;
  readonly one?: string;
  readonly two?: string;
  readonly few?: string;
  readonly many?: string;
  readonly other: string;
}

export type Message = string | PluralForms;

/** Another language's catalogue: exactly the English keys, a plural where English has one. */
export type Translation<E> = { readonly [K in keyof E]: E[K] extends string ? string : PluralForms };

/** One feature folder's messages in every language. */
export type FeatureMessages<E extends Record<string, Message>> = { readonly en: E } & {
  readonly [L in Exclude<Locale, 'en'>]: Translation<E>;
};

/**
 * Declares a feature's messages. English is the reference: its keys (and their `{placeholders}`)
 * type `t()`; a key missing in Portuguese, or one English does not have, is a type error.
 *
 *   export const messages = defineMessages({
 *     en: { 'flows.count': { one: '{count} flow', other: '{count} flows' } },
 *     'pt-BR': { 'flows.count': { one: '{count} fluxo', other: '{count} fluxos' } },
 *   });
 */
export function defineMessages<const E extends Record<string, Message>>(messages: FeatureMessages<E>): FeatureMessages<E> {
  return messages;
}
