import { addDuration } from './add-duration.js';

describe('addDuration', () => {
  const now = new Date('2026-03-07T15:00:00.250Z'); // Saturday 10:00 EST in New York

  it('adds exact elapsed time for seconds, minutes and hours', () => {
    expect(addDuration(now, 90, 'seconds').toISOString()).toBe('2026-03-07T15:01:30.250Z');
    expect(addDuration(now, 30, 'minutes').toISOString()).toBe('2026-03-07T15:30:00.250Z');
    expect(addDuration(now, 24, 'hours', 'America/New_York').toISOString()).toBe('2026-03-08T15:00:00.250Z');
    expect(addDuration(now, -2, 'hours').toISOString()).toBe('2026-03-07T13:00:00.250Z');
  });

  it('keeps the local wall-clock time for days across a DST change when a zone is given', () => {
    // 10:00 EST + 1 day = 10:00 EDT the next day, only 23 hours later.
    expect(addDuration(now, 1, 'days', 'America/New_York').toISOString()).toBe('2026-03-08T14:00:00.250Z');
    expect(addDuration(now, 3, 'days', 'America/New_York').toISOString()).toBe('2026-03-10T14:00:00.250Z');
    expect(addDuration(now, 1, 'days').toISOString()).toBe('2026-03-08T15:00:00.250Z');
    expect(addDuration(new Date('2026-03-10T14:00:00Z'), -3, 'days', 'America/New_York').toISOString()).toBe('2026-03-07T15:00:00.000Z');
  });

  it('handles month ends and São Paulo (no DST)', () => {
    expect(addDuration(new Date('2026-01-31T12:00:00Z'), 30, 'days', 'America/Sao_Paulo').toISOString()).toBe('2026-03-02T12:00:00.000Z');
    expect(addDuration(new Date('2026-01-01T12:00:00Z'), 1.5, 'days', 'America/Sao_Paulo').toISOString()).toBe('2026-01-03T00:00:00.000Z');
  });

  it('shifts a wall time that falls into a DST gap forward', () => {
    // 02:30 EST on Saturday -> Sunday 02:30 does not exist -> 03:30 EDT.
    expect(addDuration(new Date('2026-03-07T07:30:00Z'), 1, 'days', 'America/New_York').toISOString()).toBe('2026-03-08T07:30:00.000Z');
  });

  it('rejects non-finite amounts and invalid dates', () => {
    expect(() => addDuration(now, Number.NaN, 'days')).toThrow(RangeError);
    expect(() => addDuration(new Date(Number.NaN), 1, 'days')).toThrow(RangeError);
  });
});
