import fc from 'fast-check';
import { anyText } from './__fixtures__/any-text.js';
import { normalizeText, words } from './normalize-text.js';

describe('normalizeText', () => {
  it.each([
    ['  Não!! 👍 ', 'nao'],
    ['SIM', 'sim'],
    ['👍 Sim', 'sim'],
    ['Opção   2', 'opcao 2'],
    ['¿Qué tal?', 'que tal'],
    ['Ação, já!', 'acao, ja'],
    ['2️⃣', '2'],
    ['Nº 3', 'no 3'],
    ['１２３', '123'],
    ['...', ''],
    ['', ''],
    ['olá\n\tmundo', 'ola mundo'],
    ['🇧🇷 São Paulo 🇧🇷', 'sao paulo'],
  ])('%j -> %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('splits words', () => {
    expect(words('falar com, uma-pessoa')).toEqual(['falar', 'com', 'uma', 'pessoa']);
  });

  it('is idempotent and never throws', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const once = normalizeText(s);
        expect(normalizeText(once)).toBe(once);
        expect(once).toBe(once.trim());
      }),
      { numRuns: 500 },
    );
  });
});
