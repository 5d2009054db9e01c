import fc from 'fast-check';
import { anyText } from './__fixtures__/any-text.js';
import { parsePhone } from './parse-phone.js';

describe('parsePhone', () => {
  it.each([
    ['(11) 98765-4321', 'BR', '+5511987654321'],
    ['11987654321', 'BR', '+5511987654321'],
    ['011 98765-4321', 'BR', '+5511987654321'],
    ['0 15 11 98765-4321', 'BR', '+5511987654321'],
    ['5511987654321', 'BR', '+5511987654321'],
    ['+55 11 98765-4321', 'US', '+5511987654321'],
    ['0055 11 98765-4321', 'BR', '+5511987654321'],
    ['+1 415 555 2671', 'BR', '+14155552671'],
    ['(415) 555-2671', 'US', '+14155552671'],
    ['meu número é (11) 98765-4321, obrigado', 'br', '+5511987654321'],
    ['+351 912 345 678', 'PT', '+351912345678'],
  ])('%j in %s -> %s', (text, country, e164) => {
    expect(parsePhone(text, country)).toEqual({ ok: true, value: e164 });
  });

  it('rejects invalid numbers', () => {
    expect(parsePhone('123', 'BR')).toEqual({ ok: false, reason: 'invalid' });
    expect(parsePhone('98765-4321', 'BR')).toEqual({ ok: false, reason: 'invalid' }); // no area code
    expect(parsePhone('4004-1234', 'BR')).toEqual({ ok: true, value: '+5540041234' });
    expect(parsePhone('não tenho', 'BR')).toEqual({ ok: false, reason: 'invalid' });
    expect(parsePhone('(11) 98765-4321', 'XX')).toEqual({ ok: false, reason: 'invalid' });
    expect(parsePhone('', 'BR')).toEqual({ ok: false, reason: 'empty' });
  });

  it('reports two different numbers as ambiguous', () => {
    expect(parsePhone('(11) 98765-4321 ou (21) 99876-5432', 'BR')).toEqual({ ok: false, reason: 'ambiguous' });
  });

  it('never throws and always returns E.164', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.stringMatching(/^\+?[\d ()-]{0,20}$/u)), fc.constantFrom('BR', 'US', 'PT', 'XX', ''), (text, country) => {
        const result = parsePhone(text, country);
        if (result.ok) expect(result.value).toMatch(/^\+[1-9]\d{6,14}$/u);
      }),
      { numRuns: 300 },
    );
  });
});
