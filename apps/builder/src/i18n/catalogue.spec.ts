import { CATALOGUES, featureCatalogues } from './catalog.js';
import { LOCALES } from './locales.js';
import { placeholderNames } from './placeholders.js';

// The type of defineMessages() already refuses a key missing in Portuguese; this checks what
// types cannot: empty texts, placeholders that differ, plural forms, and keys two features share.
describe('message catalogues', () => {
  const features = featureCatalogues();

  it('registers every feature folder', () => {
    expect(features.map((feature) => feature.feature)).toEqual(expect.arrayContaining(['common', 'app', 'auth', 'flows', 'settings']));
  });

  it.each(features.map((feature) => [feature.feature, feature.messages] as const))('%s: both languages have the same keys', (_name, messages) => {
    const english = Object.keys(messages.en).sort();
    for (const locale of LOCALES) expect(Object.keys(messages[locale]).sort()).toEqual(english);
  });

  it.each(LOCALES)('%s: no message is empty, plurals have an "other" form', (locale) => {
    for (const [key, message] of Object.entries(CATALOGUES[locale])) {
      const texts = typeof message === 'string' ? [message] : Object.values(message);
      if (typeof message !== 'string') expect({ key, other: message.other }).toEqual({ key, other: expect.any(String) });
      for (const text of texts) expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
    }
  });

  it('uses the same placeholders in every language', () => {
    for (const [key, message] of Object.entries(CATALOGUES.en)) {
      for (const locale of LOCALES) {
        const translated = CATALOGUES[locale][key];
        expect({ key, locale, placeholders: translated === undefined ? null : placeholderNames(translated) }).toEqual({ key, locale, placeholders: placeholderNames(message) });
      }
    }
  });

  it('keeps every key to one feature, prefixed with its name', () => {
    const owner = new Map<string, string>();
    for (const { feature, messages } of features) {
      for (const key of Object.keys(messages.en)) {
        expect({ key, sharedWith: owner.get(key) }).toEqual({ key, sharedWith: undefined });
        owner.set(key, feature);
        expect(key.startsWith(`${feature}.`)).toBe(true);
      }
    }
  });
});
