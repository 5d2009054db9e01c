import fc from 'fast-check';
import { addDays, civilToEpochDays, daysInMonth, epochDaysToCivil, formatIsoDate, isValidCivilDate, parseIsoDate, weekdayOf } from './civil-date.js';

describe('civil dates', () => {
  it('knows month lengths and leap years', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(isValidCivilDate(2026, 2, 31)).toBe(false);
    expect(isValidCivilDate(2026, 13, 1)).toBe(false);
  });

  it('computes weekdays (0 = Sunday)', () => {
    expect(weekdayOf({ year: 1970, month: 1, day: 1 })).toBe(4);
    expect(weekdayOf({ year: 2026, month: 12, day: 25 })).toBe(5);
    expect(weekdayOf({ year: 2026, month: 3, day: 8 })).toBe(0);
  });

  it('adds days across months and years', () => {
    expect(addDays({ year: 2026, month: 12, day: 31 }, 1)).toEqual({ year: 2027, month: 1, day: 1 });
    expect(addDays({ year: 2024, month: 3, day: 1 }, -1)).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it('formats and parses ISO dates strictly', () => {
    expect(formatIsoDate({ year: 2026, month: 1, day: 5 })).toBe('2026-01-05');
    expect(parseIsoDate('2026-02-29')).toBeNull();
    expect(parseIsoDate('2026-2-1')).toBeNull();
    expect(parseIsoDate('2026-12-25')).toEqual({ year: 2026, month: 12, day: 25 });
  });

  it('agrees with Date.UTC and round-trips', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), (days) => {
        const civil = epochDaysToCivil(days);
        const viaDate = new Date(days * 86_400_000);
        expect(civil).toEqual({ year: viaDate.getUTCFullYear(), month: viaDate.getUTCMonth() + 1, day: viaDate.getUTCDate() });
        expect(civilToEpochDays(civil)).toBe(days);
        expect(weekdayOf(civil)).toBe(viaDate.getUTCDay());
      }),
    );
  });
});
