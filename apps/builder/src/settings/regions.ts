import type { Locale } from '../i18n/index.js';

export interface CodeOption {
  readonly code: string;
  readonly name: string;
}

/**
 * Codes Intl can name that are not ISO 3166-1 alpha-2 countries (the API accepts only those):
 * unions, reserved and historic codes, and CLDR's own.
 */
const NOT_COUNTRIES = new Set('AC AN BU CP CQ CS DD DG DY EA EU EZ FX HV IC NH QO RH SU TA TP UK UN VD XA XB XK YD YU ZR ZZ'.split(' '));
/** Currencies Intl still lists that the API's ISO 4217 check refuses (withdrawn or too new). */
const NOT_CURRENCIES = new Set(['CUC', 'HRK', 'XCG', 'ZWG']);

const cache = new Map<string, readonly CodeOption[]>();

function memo(key: string, build: () => CodeOption[]): readonly CodeOption[] {
  let options = cache.get(key);
  if (options === undefined) {
    options = build();
    cache.set(key, options);
  }
  return options;
}

/** Every country, named in `locale`, sorted by name: the ISO codes the browser can name. */
export function countryOptions(locale: Locale): readonly CodeOption[] {
  return memo(`country:${locale}`, () => {
    const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    const options: CodeOption[] = [];
    for (let first = 65; first <= 90; first++) {
      for (let second = 65; second <= 90; second++) {
        const code = String.fromCharCode(first, second);
        const name = NOT_COUNTRIES.has(code) ? undefined : names.of(code);
        if (name !== undefined) options.push({ code, name });
      }
    }
    return options.sort((a, b) => a.name.localeCompare(b.name, locale));
  });
}

/** Every current currency, named in `locale`, sorted by code. */
export function currencyOptions(locale: Locale): readonly CodeOption[] {
  return memo(`currency:${locale}`, () => {
    const names = new Intl.DisplayNames([locale], { type: 'currency' });
    const codes = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : ['BRL', 'EUR', 'USD'];
    return codes.filter((code) => !NOT_CURRENCIES.has(code)).map((code) => ({ code, name: names.of(code) ?? code }));
  });
}
