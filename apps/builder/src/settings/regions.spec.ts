import { isISO31661Alpha2, isISO4217CurrencyCode } from 'class-validator';
import { countryOptions, currencyOptions } from './regions.js';

// The API validates with class-validator's rules: offering a code it refuses would turn
// a choice in a list into a 400.
describe('regions', () => {
  it('offers only countries the API accepts, named in the locale', () => {
    const countries = countryOptions('pt-BR');
    expect(countries.length).toBeGreaterThan(240);
    expect(countries.filter((option) => !isISO31661Alpha2(option.code))).toEqual([]);
    expect(countries.find((option) => option.code === 'BR')?.name).toBe('Brasil');
    expect(countryOptions('en').find((option) => option.code === 'DE')?.name).toBe('Germany');
  });

  it('offers only currencies the API accepts', () => {
    const currencies = currencyOptions('en');
    expect(currencies.filter((option) => !isISO4217CurrencyCode(option.code))).toEqual([]);
    expect(currencies.find((option) => option.code === 'BRL')?.name).toBe('Brazilian Real');
  });
});
