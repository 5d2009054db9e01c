import fc from 'fast-check';
import { anyText } from './__fixtures__/any-text.js';
import { parseEmail } from './parse-email.js';

describe('parseEmail', () => {
  it.each([
    ['ana@loja.com.br', 'ana@loja.com.br'],
    ['  Ana.Souza@Loja.COM.br  ', 'ana.souza@loja.com.br'],
    ['meu email é ana@loja.com.br', 'ana@loja.com.br'],
    ['é ana@loja.com.br.', 'ana@loja.com.br'],
    ['Ana <ana+pedidos@loja.com>', 'ana+pedidos@loja.com'],
    ['mailto:ana@loja.com', 'mailto:ana@loja.com'.slice(7)],
    ['ana @ loja.com', 'ana@loja.com'],
    ['(ana@loja.com)', 'ana@loja.com'],
    ['ana@loja.com, ANA@LOJA.COM', 'ana@loja.com'],
    ['joão@empresa.com.br', 'joão@empresa.com.br'],
  ])('%j -> %j', (text, email) => {
    expect(parseEmail(text)).toEqual({ ok: true, value: email });
  });

  it.each(['ana@loja', 'ana@@loja.com', '@loja.com', 'ana.@loja.com', 'ana@-loja.com', 'ana@loja.c', 'meu email', 'ana@loja..com'])('rejects %j', (text) => {
    expect(parseEmail(text)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('reports two different addresses as ambiguous and blank as empty', () => {
    expect(parseEmail('ana@loja.com ou bia@loja.com')).toEqual({ ok: false, reason: 'ambiguous' });
    expect(parseEmail(' ')).toEqual({ ok: false, reason: 'empty' });
  });

  it('never throws; results are lower-case and contain one @', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.emailAddress(), fc.emailAddress().map((e) => `meu email é ${e}!`)), (text) => {
        const result = parseEmail(text);
        if (result.ok) {
          expect(result.value).toBe(result.value.toLowerCase());
          expect(result.value.split('@')).toHaveLength(2);
        }
      }),
      { numRuns: 300 },
    );
  });
});
