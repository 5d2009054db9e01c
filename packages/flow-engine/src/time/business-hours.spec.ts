import fc from 'fast-check';
import { addDays, formatIsoDate } from './civil-date.js';
import type { BusinessHours, DayKey, OpeningInterval } from './business-hours-schedule.js';
import { validateBusinessHours } from './business-hours-schedule.js';
import { isWithinBusinessHours, nextBusinessOpen } from './business-hours.js';

const SP = 'America/Sao_Paulo';
const NY = 'America/New_York';
const weekdays = (intervals: OpeningInterval[]): BusinessHours['days'] => ({ mon: intervals, tue: intervals, wed: intervals, thu: intervals, fri: intervals });
/** Mon-Fri 09:00-12:00 and 13:00-18:00 (lunch break), Saturday evening until midnight. */
const shop: BusinessHours = {
  days: { ...weekdays([{ start: '09:00', end: '12:00' }, { start: '13:00', end: '18:00' }]), sat: [{ start: '18:00', end: '24:00' }] },
};
const at = (iso: string): Date => new Date(iso);
const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

describe('isWithinBusinessHours', () => {
  it('follows the local wall clock, start inclusive and end exclusive', () => {
    // 2026-01-16 is a Friday; São Paulo is UTC-3.
    expect(isWithinBusinessHours(at('2026-01-16T12:00:00Z'), shop, SP)).toBe(true); // 09:00
    expect(isWithinBusinessHours(at('2026-01-16T11:59:59Z'), shop, SP)).toBe(false); // 08:59:59
    expect(isWithinBusinessHours(at('2026-01-16T15:30:00Z'), shop, SP)).toBe(false); // 12:30 lunch
    expect(isWithinBusinessHours(at('2026-01-16T16:00:00Z'), shop, SP)).toBe(true); // 13:00
    expect(isWithinBusinessHours(at('2026-01-16T21:00:00Z'), shop, SP)).toBe(false); // 18:00
    expect(isWithinBusinessHours(at('2026-01-18T14:00:00Z'), shop, SP)).toBe(false); // Sunday
  });

  it("treats '24:00' as the end of the day", () => {
    expect(isWithinBusinessHours(at('2026-01-18T02:59:59Z'), shop, SP)).toBe(true); // Sat 23:59:59
    expect(isWithinBusinessHours(at('2026-01-18T03:00:00Z'), shop, SP)).toBe(false); // Sun 00:00
  });

  it('honours holidays (dated and yearly) and the schedule time zone over the workspace one', () => {
    const withHolidays: BusinessHours = { ...shop, holidays: ['2026-01-16', '12-25'] };
    expect(isWithinBusinessHours(at('2026-01-16T14:00:00Z'), withHolidays, SP)).toBe(false);
    expect(isWithinBusinessHours(at('2026-12-25T14:00:00Z'), withHolidays, SP)).toBe(false);
    expect(isWithinBusinessHours(at('2027-12-24T14:00:00Z'), withHolidays, SP)).toBe(true);
    // 12:00Z is 07:00 in New York (closed) but 09:00 in São Paulo (open).
    expect(isWithinBusinessHours(at('2026-01-16T12:00:00Z'), { ...shop, timezone: NY }, SP)).toBe(false);
    expect(isWithinBusinessHours(at('2026-01-16T12:00:00Z'), shop, NY)).toBe(false);
  });

  it('supports intervals past midnight, owned by the day they start', () => {
    const bar: BusinessHours = { days: { fri: [{ start: '22:00', end: '02:00' }] } };
    expect(isWithinBusinessHours(at('2026-01-17T04:30:00Z'), bar, SP)).toBe(true); // Sat 01:30
    expect(isWithinBusinessHours(at('2026-01-17T05:00:00Z'), bar, SP)).toBe(false); // Sat 02:00
    expect(isWithinBusinessHours(at('2026-01-17T04:30:00Z'), { ...bar, holidays: ['2026-01-16'] }, SP)).toBe(false);
  });

  it('skips malformed entries and reports them through validateBusinessHours', () => {
    const messy = { days: { mon: [{ start: '9h', end: '18:00' }, { start: '10:00', end: '10:00' }], xyz: [] }, holidays: ['25/12'], timezone: 'Nope/Nope' } as unknown as BusinessHours;
    expect(isWithinBusinessHours(at('2026-01-19T14:00:00Z'), { ...messy, timezone: SP }, SP)).toBe(false);
    expect(validateBusinessHours(messy)).toHaveLength(5);
    expect(validateBusinessHours(shop)).toEqual([]);
  });
});

describe('nextBusinessOpen', () => {
  it('returns now itself when open', () => {
    const now = at('2026-01-16T14:00:00.123Z');
    expect(iso(nextBusinessOpen(now, shop, SP))).toBe(now.toISOString());
  });

  it('jumps from Friday evening to Monday 09:00', () => {
    expect(iso(nextBusinessOpen(at('2026-01-16T22:00:00Z'), { days: weekdays([{ start: '09:00', end: '18:00' }]) }, SP))).toBe('2026-01-19T12:00:00.000Z');
  });

  it('waits out the lunch break and skips holidays', () => {
    expect(iso(nextBusinessOpen(at('2026-01-16T15:30:00Z'), shop, SP))).toBe('2026-01-16T16:00:00.000Z');
    expect(iso(nextBusinessOpen(at('2026-01-16T22:00:00Z'), { ...shop, holidays: ['2026-01-17', '2026-01-19'] }, SP))).toBe('2026-01-20T12:00:00.000Z');
    expect(iso(nextBusinessOpen(at('2026-01-16T22:00:00Z'), shop, SP))).toBe('2026-01-17T21:00:00.000Z'); // Sat 18:00
  });

  it('is DST-correct on the New York spring-forward day', () => {
    const sunday: BusinessHours = { days: { sun: [{ start: '09:00', end: '17:00' }] } };
    // Sat 2026-03-07 20:00 EST -> Sun 09:00 EDT, which is 13:00Z (not 14:00Z).
    expect(iso(nextBusinessOpen(at('2026-03-08T01:00:00Z'), sunday, NY))).toBe('2026-03-08T13:00:00.000Z');
    // An opening time inside the skipped hour opens when the clock jumps to 03:00 EDT.
    const early: BusinessHours = { days: { sun: [{ start: '02:30', end: '05:00' }] } };
    expect(iso(nextBusinessOpen(at('2026-03-08T05:30:00Z'), early, NY))).toBe('2026-03-08T07:00:00.000Z');
    // An interval entirely inside the skipped hour never happens that day.
    const never: BusinessHours = { days: { sun: [{ start: '02:10', end: '02:50' }] } };
    expect(iso(nextBusinessOpen(at('2026-03-08T05:30:00Z'), never, NY))).toBe('2026-03-15T06:10:00.000Z');
  });

  it('re-opens when the clock falls back into an interval (New York, 2026-11-01)', () => {
    const night: BusinessHours = { days: { sun: [{ start: '01:00', end: '01:30' }] } };
    // 01:45 EDT: closed; at 02:00 EDT the clock returns to 01:00 EST, which is open again.
    expect(iso(nextBusinessOpen(at('2026-11-01T05:45:00Z'), night, NY))).toBe('2026-11-01T06:00:00.000Z');
  });

  it('returns null when nothing ever opens', () => {
    expect(nextBusinessOpen(at('2026-01-16T22:00:00Z'), { days: {} }, SP)).toBeNull();
    expect(nextBusinessOpen(at('2026-01-16T22:00:00Z'), { days: { mon: [{ start: 'x', end: 'y' }] } }, SP)).toBeNull();
    const start = { year: 2026, month: 1, day: 16 };
    const everyDay = Array.from({ length: 400 }, (_, i) => formatIsoDate(addDays(start, i)));
    expect(nextBusinessOpen(at('2026-01-16T22:00:00Z'), { ...shop, holidays: everyDay }, SP)).toBeNull();
  });

  it('rejects an unknown time zone', () => {
    expect(() => nextBusinessOpen(at('2026-01-16T22:00:00Z'), shop, 'Not/AZone')).toThrow(RangeError);
  });
});

describe('business hours properties', () => {
  const clock = fc.integer({ min: 0, max: 24 * 4 }).map((quarter) => {
    const minutes = quarter * 15;
    return minutes === 1440 ? '24:00' : `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  });
  const interval = fc.record({ start: clock, end: clock }).filter((i) => i.start !== '24:00');
  const keys: DayKey[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
  const schedule = fc.tuple(...keys.map(() => fc.array(interval, { maxLength: 2 }))).map((perDay) => ({
    days: Object.fromEntries(keys.map((key, i) => [key, perDay[i] ?? []])),
  }));
  const zone = fc.constantFrom(SP, NY, 'Europe/Lisbon');
  const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }).map((ms) => new Date(ms));

  it('next open is >= now, open, and nothing opens earlier', () => {
    fc.assert(
      fc.property(schedule, zone, instant, (hours, tz, now) => {
        const next = nextBusinessOpen(now, hours, tz);
        const hasInterval = validateBusinessHours(hours).length === 0 && Object.values(hours.days).some((d) => d.some((i) => i.start !== i.end));
        if (next === null) {
          expect(hasInterval).toBe(false);
          return;
        }
        expect(next.getTime()).toBeGreaterThanOrEqual(now.getTime());
        expect(isWithinBusinessHours(next, hours, tz)).toBe(true);
        const justBefore = new Date(next.getTime() - 1000);
        if (justBefore.getTime() >= now.getTime()) expect(isWithinBusinessHours(justBefore, hours, tz)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('around the New York DST days too', () => {
    const dstInstant = fc.constantFrom('2026-03-08T00:00:00Z', '2026-11-01T00:00:00Z', '2025-03-09T00:00:00Z').chain((day) =>
      fc.integer({ min: -12 * 3_600_000, max: 12 * 3_600_000 }).map((delta) => new Date(Date.parse(day) + 4 * 3_600_000 + delta)),
    );
    fc.assert(
      fc.property(schedule, dstInstant, (hours, now) => {
        const next = nextBusinessOpen(now, hours, NY);
        if (next === null) return;
        expect(next.getTime()).toBeGreaterThanOrEqual(now.getTime());
        expect(isWithinBusinessHours(next, hours, NY)).toBe(true);
        const justBefore = new Date(next.getTime() - 1000);
        if (justBefore.getTime() >= now.getTime()) expect(isWithinBusinessHours(justBefore, hours, NY)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
