import type { Message } from './define-messages.js';
import * as features from './features.js';
import { LOCALES, type Locale } from './locales.js';

type FeatureModules = typeof features;
type UnionToIntersection<U> = (U extends unknown ? (value: U) => void : never) extends (value: infer I) => void ? I : never;

/** Every message of every feature, in English (the reference that types `t`). */
export type Messages = UnionToIntersection<FeatureModules[keyof FeatureModules]['messages']['en']>;
export type MessageKey = keyof Messages & string;

type Catalogue = Readonly<Record<string, Message>>;

/** Each feature's catalogue per locale, by feature name (for the parity test). */
export function featureCatalogues(): { feature: string; messages: Readonly<Record<Locale, Catalogue>> }[] {
  return Object.entries(features as Record<string, unknown>)
    .filter((entry): entry is [string, { messages: Record<Locale, Catalogue> }] => {
      const module = entry[1];
      return typeof module === 'object' && module !== null && 'messages' in module;
    })
    .map(([feature, module]) => ({ feature, messages: module.messages }));
}

function mergeCatalogues(): Readonly<Record<Locale, Catalogue>> {
  const merged = Object.fromEntries(LOCALES.map((locale) => [locale, {} as Record<string, Message>])) as Record<Locale, Record<string, Message>>;
  for (const { messages } of featureCatalogues()) {
    for (const locale of LOCALES) Object.assign(merged[locale], messages[locale]);
  }
  return merged;
}

/** All messages per locale, merged once at load. */
export const CATALOGUES: Readonly<Record<Locale, Catalogue>> = mergeCatalogues();
