import fc from 'fast-check';
import { anyText } from './__fixtures__/any-text.js';
import { parseScore } from './parse-score.js';

describe('parseScore', () => {
  it.each([
    ['9', 9],
    ['nota 9', 9],
    ['dou 10!', 10],
    ['🔟', 10],
    ['9️⃣', 9],
    ['10/10', 10],
    ['8/10', 8],
    ['9 de 10', 9],
    ['8 out of 10', 8],
    ['0', 0],
    ['Nota: 7 👍', 7],
    ['nove', 9],
    ['dou uma nota dez', 10],
    ['Ten!', 10],
    ['um', 1],
    ['⭐⭐⭐⭐', 4],
    ['de 0 a 10 dou 8', 8],
    ['numa escala de 0 a 10, 7', 7],
  ])('%j -> %d on 0-10', (text, score) => {
    expect(parseScore(text, 0, 10)).toEqual({ ok: true, value: score });
  });

  it('checks the range', () => {
    expect(parseScore('11', 0, 10)).toEqual({ ok: false, reason: 'out_of_range' });
    expect(parseScore('0', 1, 5)).toEqual({ ok: false, reason: 'out_of_range' });
    expect(parseScore('5/5', 1, 5)).toEqual({ ok: true, value: 5 });
    expect(parseScore('⭐⭐⭐⭐⭐⭐', 1, 5)).toEqual({ ok: false, reason: 'out_of_range' });
  });

  it('reports two different numbers as ambiguous and no number as invalid', () => {
    expect(parseScore('8 ou 9', 0, 10)).toEqual({ ok: false, reason: 'ambiguous' });
    expect(parseScore('9/10', 1, 5)).toEqual({ ok: false, reason: 'ambiguous' });
    expect(parseScore('de 1 a 10, 8', 0, 10)).toEqual({ ok: false, reason: 'ambiguous' });
    expect(parseScore('9, nota 9', 0, 10)).toEqual({ ok: true, value: 9 });
    expect(parseScore('ótimo', 0, 10)).toEqual({ ok: false, reason: 'invalid' });
    expect(parseScore('7,5', 0, 10)).toEqual({ ok: false, reason: 'invalid' });
    expect(parseScore('', 0, 10)).toEqual({ ok: false, reason: 'empty' });
  });

  it('never throws and stays in range', () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 0, max: 5 }), fc.integer({ min: 5, max: 10 }), (text, min, max) => {
        const result = parseScore(text, min, max);
        if (result.ok) {
          expect(Number.isInteger(result.value)).toBe(true);
          expect(result.value).toBeGreaterThanOrEqual(min);
          expect(result.value).toBeLessThanOrEqual(max);
        }
      }),
      { numRuns: 500 },
    );
  });
});
