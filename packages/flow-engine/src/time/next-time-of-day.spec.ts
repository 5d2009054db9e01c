import fc from 'fast-check';
import { nextTimeOfDay } from './next-time-of-day.js';
import { zonedParts } from './zoned-time.js';

describe('nextTimeOfDay', () => {
  const now = new Date('2026-01-15T12:00:00Z'); // 09:00 in São Paulo

  it('returns today when the time is still ahead, tomorrow otherwise (strictly after now)', () => {
    expect(nextTimeOfDay(now, '10:00', 'America/Sao_Paulo').toISOString()).toBe('2026-01-15T13:00:00.000Z');
    expect(nextTimeOfDay(now, '09:00', 'America/Sao_Paulo').toISOString()).toBe('2026-01-16T12:00:00.000Z');
    expect(nextTimeOfDay(now, '08:59', 'America/Sao_Paulo').toISOString()).toBe('2026-01-16T11:59:00.000Z');
    expect(nextTimeOfDay(now, '9:30', 'Europe/Lisbon').toISOString()).toBe('2026-01-16T09:30:00.000Z');
  });

  it('is DST-correct in New York', () => {
    const saturdayEvening = new Date('2026-03-07T23:00:00Z'); // 18:00 EST
    expect(nextTimeOfDay(saturdayEvening, '09:00', 'America/New_York').toISOString()).toBe('2026-03-08T13:00:00.000Z'); // 09:00 EDT
    expect(nextTimeOfDay(saturdayEvening, '02:30', 'America/New_York').toISOString()).toBe('2026-03-08T07:30:00.000Z'); // gap -> 03:30 EDT
  });

  it('rejects malformed times', () => {
    expect(() => nextTimeOfDay(now, '24:00', 'UTC')).toThrow(RangeError);
    expect(() => nextTimeOfDay(now, '9h', 'UTC')).toThrow(RangeError);
  });

  it('is always after now, within a day and a bit, at the requested wall time unless DST moved it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.constantFrom('America/Sao_Paulo', 'America/New_York', 'Europe/Lisbon'),
        (ms, hour, minute, zone) => {
          const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
          const next = nextTimeOfDay(new Date(ms), time, zone);
          expect(next.getTime()).toBeGreaterThan(ms);
          expect(next.getTime() - ms).toBeLessThanOrEqual(26 * 3_600_000);
          const local = zonedParts(next, zone);
          if (local.hour !== hour || local.minute !== minute) expect(local.hour).toBe(hour + 1);
        },
      ),
    );
  });
});
