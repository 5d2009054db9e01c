import { WEEKDAYS, type BusinessHours, type OpeningInterval, type Weekday } from '../api/types.js';

/** Business hours as the form edits them: every weekday present, closed days empty. */
export interface HoursDraft {
  readonly enabled: boolean;
  /** '' follows the workspace's time zone. */
  readonly timezone: string;
  readonly days: Readonly<Record<Weekday, readonly OpeningInterval[]>>;
  /** YYYY-MM-DD (once) or MM-DD (every year), sorted. */
  readonly holidays: readonly string[];
}

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
const CLOSING = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** What a workspace without hours starts from when someone turns them on: weekdays 9 to 6. */
const TYPICAL: Readonly<Record<Weekday, readonly OpeningInterval[]>> = {
  mon: [{ start: '09:00', end: '18:00' }],
  tue: [{ start: '09:00', end: '18:00' }],
  wed: [{ start: '09:00', end: '18:00' }],
  thu: [{ start: '09:00', end: '18:00' }],
  fri: [{ start: '09:00', end: '18:00' }],
  sat: [],
  sun: [],
};

export function toDraft(hours: BusinessHours | null): HoursDraft {
  if (hours === null) return { enabled: false, timezone: '', days: TYPICAL, holidays: [] };
  const days = Object.fromEntries(WEEKDAYS.map((day) => [day, [...(hours.days[day] ?? [])]])) as Record<Weekday, OpeningInterval[]>;
  return { enabled: true, timezone: hours.timezone ?? '', days, holidays: sortHolidays(hours.holidays ?? []) };
}

/** The PATCH /api/workspace value: null when turned off; closed days left out. */
export function fromDraft(draft: HoursDraft): BusinessHours | null {
  if (!draft.enabled) return null;
  const days: Partial<Record<Weekday, readonly OpeningInterval[]>> = {};
  for (const day of WEEKDAYS) if (draft.days[day].length > 0) days[day] = draft.days[day];
  return {
    ...(draft.timezone === '' ? {} : { timezone: draft.timezone }),
    days,
    ...(draft.holidays.length === 0 ? {} : { holidays: draft.holidays }),
  };
}

export type IntervalProblem = 'invalid' | 'empty';

/** Problems per weekday and interval index; empty when the hours can be saved. */
export function intervalProblems(draft: HoursDraft): Partial<Record<Weekday, Record<number, IntervalProblem>>> {
  const problems: Partial<Record<Weekday, Record<number, IntervalProblem>>> = {};
  if (!draft.enabled) return problems;
  for (const day of WEEKDAYS) {
    draft.days[day].forEach((interval, index) => {
      const problem: IntervalProblem | undefined = !CLOCK.test(interval.start) || !CLOSING.test(interval.end) ? 'invalid' : interval.start === interval.end ? 'empty' : undefined;
      if (problem !== undefined) (problems[day] ??= {})[index] = problem;
    });
  }
  return problems;
}

/** An interval ending earlier than it starts runs past midnight (the API's rule too). */
export function isOvernight(interval: OpeningInterval): boolean {
  return interval.end !== '24:00' && interval.end < interval.start;
}

/** A holiday from a date input (YYYY-MM-DD): kept as is, or as MM-DD when it repeats every year. */
export function holidayFromDate(date: string, everyYear: boolean): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  return everyYear ? date.slice(5) : date;
}

/** Every-year holidays first (by month and day), then dated ones in order. */
export function sortHolidays(holidays: readonly string[]): string[] {
  const annual = holidays.filter((day) => day.length === 5).sort();
  const dated = holidays.filter((day) => day.length !== 5).sort();
  return [...annual, ...dated];
}

/** Monday's hours on every weekday (Tuesday to Friday), the common case of a shop. */
export function copyMondayToWeekdays(draft: HoursDraft): HoursDraft {
  const monday = draft.days.mon;
  return { ...draft, days: { ...draft.days, tue: monday, wed: monday, thu: monday, fri: monday } };
}
