import fc from 'fast-check';
import { isValidTimeZone } from './time-zone.js';
import { findOffsetChange, offsetAt, possibleInstants, zonedParts, zonedToInstant } from './zoned-time.js';

const ZONES = ['America/Sao_Paulo', 'America/New_York', 'Europe/Lisbon', 'UTC'] as const;

describe('isValidTimeZone', () => {
  it('accepts IANA zones and rejects the rest', () => {
    expect(isValidTimeZone('America/Sao_Paulo')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(isValidTimeZone('GMT-3 lol')).toBe(false);
  });
});

describe('zonedParts', () => {
  it('reads wall-clock fields and weekday in the zone', () => {
    expect(zonedParts(new Date('2026-01-15T12:00:00Z'), 'America/Sao_Paulo')).toEqual({
      year: 2026, month: 1, day: 15, hour: 9, minute: 0, second: 0, weekday: 4,
    });
    // Just after UTC midnight it is still the previous day in New York.
    expect(zonedParts(new Date('2026-01-01T03:30:15Z'), 'America/New_York')).toMatchObject({
      year: 2025, month: 12, day: 31, hour: 22, minute: 30, second: 15, weekday: 3,
    });
    expect(zonedParts(new Date('2026-07-01T00:00:00Z'), 'Europe/Lisbon')).toMatchObject({ hour: 1, day: 1 });
    expect(zonedParts(new Date('2026-01-01T04:00:00Z'), 'America/New_York').hour).toBe(23);
  });

  it('rejects an invalid Date or zone', () => {
    expect(() => zonedParts(new Date(Number.NaN), 'UTC')).toThrow(RangeError);
    expect(() => zonedParts(new Date(0), 'Nowhere/Special')).toThrow(RangeError);
  });
});

describe('zonedToInstant', () => {
  it('converts ordinary wall-clock times', () => {
    expect(zonedToInstant({ year: 2026, month: 1, day: 15, hour: 9, minute: 0 }, 'America/Sao_Paulo').toISOString()).toBe('2026-01-15T12:00:00.000Z');
    expect(zonedToInstant({ year: 2026, month: 7, day: 1, hour: 9, minute: 0, second: 30 }, 'America/New_York').toISOString()).toBe('2026-07-01T13:00:30.000Z');
  });

  it('shifts a DST gap forward (New York, 2026-03-08 02:30 does not exist)', () => {
    const wall = { year: 2026, month: 3, day: 8, hour: 2, minute: 30 };
    expect(possibleInstants(wall, 'America/New_York')).toEqual([]);
    expect(zonedToInstant(wall, 'America/New_York').toISOString()).toBe('2026-03-08T07:30:00.000Z'); // 03:30 EDT
    expect(zonedToInstant({ year: 2026, month: 3, day: 29, hour: 1, minute: 30 }, 'Europe/Lisbon').toISOString()).toBe('2026-03-29T01:30:00.000Z'); // 02:30 WEST
  });

  it('takes the earlier instant in a DST overlap (New York, 2026-11-01 01:30 happens twice)', () => {
    const wall = { year: 2026, month: 11, day: 1, hour: 1, minute: 30 };
    expect(possibleInstants(wall, 'America/New_York').map((d) => d.toISOString())).toEqual(['2026-11-01T05:30:00.000Z', '2026-11-01T06:30:00.000Z']);
    expect(zonedToInstant(wall, 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });

  it('rejects impossible fields', () => {
    expect(() => zonedToInstant({ year: 2026, month: 2, day: 31, hour: 0, minute: 0 }, 'UTC')).toThrow(RangeError);
    expect(() => zonedToInstant({ year: 2026, month: 1, day: 1, hour: 24, minute: 0 }, 'UTC')).toThrow(RangeError);
  });

  it('round-trips any instant (up to the overlap rule)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1) / 1000, max: Date.UTC(2050, 0, 1) / 1000 }), fc.constantFrom(...ZONES), (seconds, zone) => {
        const instant = new Date(seconds * 1000);
        const parts = zonedParts(instant, zone);
        const back = zonedToInstant(parts, zone);
        expect(possibleInstants(parts, zone).map((d) => d.getTime())).toContain(instant.getTime());
        expect(back.getTime()).toBeLessThanOrEqual(instant.getTime());
        expect(zonedParts(back, zone)).toEqual(parts);
      }),
    );
  });
});

describe('offsets', () => {
  it('reads offsets and finds the transition second', () => {
    expect(offsetAt(Date.parse('2026-01-15T12:00:00Z'), 'America/Sao_Paulo')).toBe(-3 * 3_600_000);
    expect(offsetAt(Date.parse('2026-07-15T12:00:00Z'), 'America/New_York')).toBe(-4 * 3_600_000);
    const change = findOffsetChange(Date.parse('2026-03-08T00:00:00Z'), Date.parse('2026-03-09T00:00:00Z'), 'America/New_York');
    expect(change === null ? null : new Date(change).toISOString()).toBe('2026-03-08T07:00:00.000Z');
    expect(findOffsetChange(Date.parse('2026-03-01T00:00:00Z'), Date.parse('2026-03-02T00:00:00Z'), 'America/New_York')).toBeNull();
  });
});

describe('zonedParts offset cache', () => {
  it('agrees with Intl at every quarter hour and at odd instants around DST changes', () => {
    const zones = ['America/New_York', 'America/Sao_Paulo', 'Europe/Lisbon', 'Asia/Kathmandu', 'Australia/Lord_Howe'];
    const reference = (ms: number, tz: string): string =>
      new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).format(ms);
    const mine = (ms: number, tz: string): string => {
      const p = zonedParts(new Date(ms), tz);
      return `${p.month}/${p.day}/${p.year}, ${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}:${String(p.second).padStart(2, '0')}`;
    };
    const starts = [Date.UTC(2026, 2, 7), Date.UTC(2026, 9, 31), Date.UTC(2026, 3, 4), Date.UTC(2018, 10, 3)];
    for (const tz of zones) {
      for (const start of starts) {
        for (let ms = start; ms < start + 3 * 86_400_000; ms += 7 * 60_000 + 13_000) {
          expect([tz, mine(ms, tz)]).toEqual([tz, reference(ms, tz).replace(/, 24:/, ', 00:')]);
        }
      }
    }
  });
});
