import { copyMondayToWeekdays, fromDraft, holidayFromDate, intervalProblems, isOvernight, sortHolidays, toDraft } from './business-hours.js';

describe('business hours form model', () => {
  it('starts a workspace without hours from weekdays 9 to 6, turned off', () => {
    const draft = toDraft(null);
    expect(draft.enabled).toBe(false);
    expect(draft.days.mon).toEqual([{ start: '09:00', end: '18:00' }]);
    expect(draft.days.sun).toEqual([]);
    expect(fromDraft(draft)).toBeNull();
  });

  it('round-trips what the API stores, leaving closed days and empty lists out', () => {
    const stored = { timezone: 'America/Sao_Paulo', days: { mon: [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '18:00' }], sat: [{ start: '09:00', end: '13:00' }] }, holidays: ['2026-12-24', '12-25', '01-01'] };
    const draft = toDraft(stored);
    expect(draft.holidays).toEqual(['01-01', '12-25', '2026-12-24']);
    expect(fromDraft(draft)).toEqual({ ...stored, holidays: ['01-01', '12-25', '2026-12-24'] });
    expect(fromDraft({ ...draft, timezone: '', holidays: [] })).toEqual({ days: stored.days });
  });

  it('flags malformed and empty intervals, not overnight ones', () => {
    const draft = { ...toDraft(null), enabled: true, days: { ...toDraft(null).days, mon: [{ start: '9:00', end: '18:00' }, { start: '10:00', end: '10:00' }], sat: [{ start: '22:00', end: '02:00' }], sun: [{ start: '00:00', end: '24:00' }] } };
    expect(intervalProblems(draft)).toEqual({ mon: { 0: 'invalid', 1: 'empty' } });
    expect(intervalProblems({ ...draft, enabled: false })).toEqual({});
    expect(isOvernight({ start: '22:00', end: '02:00' })).toBe(true);
    expect(isOvernight({ start: '00:00', end: '24:00' })).toBe(false);
  });

  it('makes holidays from date inputs, once or every year', () => {
    expect(holidayFromDate('2026-12-25', false)).toBe('2026-12-25');
    expect(holidayFromDate('2026-12-25', true)).toBe('12-25');
    expect(holidayFromDate('', true)).toBeNull();
    expect(sortHolidays(['2027-01-01', '12-25', '2026-11-20', '04-21'])).toEqual(['04-21', '12-25', '2026-11-20', '2027-01-01']);
  });

  it('copies Monday to the other weekdays only', () => {
    const draft = { ...toDraft(null), days: { ...toDraft(null).days, mon: [{ start: '08:00', end: '20:00' }], sat: [{ start: '09:00', end: '12:00' }] } };
    const copied = copyMondayToWeekdays(draft);
    expect(copied.days.fri).toEqual([{ start: '08:00', end: '20:00' }]);
    expect(copied.days.sat).toEqual([{ start: '09:00', end: '12:00' }]);
  });
});
