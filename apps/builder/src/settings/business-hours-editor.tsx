import { useId, useMemo, useState } from 'react';
import { WEEKDAYS, type OpeningInterval, type Weekday } from '../api/types.js';
import { useI18n } from '../i18n/index.js';
import { Button, IconButton } from '../ui/button.js';
import { Badge } from '../ui/feedback.js';
import { TimeZonePicker } from '../ui/time-zone-picker.js';
import { readableTimeZone } from '../ui/time-zones.js';
import { copyMondayToWeekdays, holidayFromDate, isOvernight, sortHolidays, type HoursDraft, type IntervalProblem } from './business-hours.js';

const DEFAULT_INTERVAL: OpeningInterval = { start: '09:00', end: '18:00' };

/** A second shift starts where the last one ended (a lunch break is the usual reason). */
function nextInterval(intervals: readonly OpeningInterval[]): OpeningInterval {
  const last = intervals[intervals.length - 1];
  if (last === undefined || last.end >= '22:00' || last.end === '24:00') return DEFAULT_INTERVAL;
  const [hours = 0, minutes = 0] = last.end.split(':').map(Number);
  const start = `${String(Math.min(hours + 1, 23)).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
  return { start, end: start < '22:00' ? '22:00' : '23:59' };
}

function DayRow({ day, intervals, problems, onChange }: { day: Weekday; intervals: readonly OpeningInterval[]; problems: Record<number, IntervalProblem> | undefined; onChange: (next: readonly OpeningInterval[]) => void }) {
  const { t } = useI18n();
  const dayName = t(`settings.day.${day}`);
  const open = intervals.length > 0;
  const update = (index: number, change: Partial<OpeningInterval>) => onChange(intervals.map((interval, at) => (at === index ? { ...interval, ...change } : interval)));
  return (
    <div className="hours__day" role="group" aria-label={dayName}>
      <span className="hours__day-name">{dayName}</span>
      <label className="switch">
        <input type="checkbox" checked={open} onChange={(event) => onChange(event.target.checked ? [DEFAULT_INTERVAL] : [])} />
        <span className="visually-hidden">
          {dayName}: {t('settings.hours.open')}
        </span>
      </label>
      {open ? (
        <div className="hours__intervals">
          {intervals.map((interval, index) => {
            const problem = problems?.[index];
            const last = index === intervals.length - 1;
            return (
              <div key={index} className="hours__interval">
                <input
                  type="time"
                  className="input input--sm"
                  aria-label={`${dayName}: ${t('settings.hours.from')}`}
                  value={interval.start}
                  aria-invalid={problem !== undefined || undefined}
                  onChange={(event) => update(index, { start: event.target.value })}
                />
                <span className="hours__dash" aria-hidden="true">
                  –
                </span>
                <input
                  type="time"
                  className="input input--sm"
                  aria-label={`${dayName}: ${t('settings.hours.to')}`}
                  value={interval.end === '24:00' ? '23:59' : interval.end}
                  aria-invalid={problem !== undefined || undefined}
                  onChange={(event) => update(index, { end: event.target.value })}
                />
                {intervals.length > 1 && (
                  <IconButton
                    icon="x"
                    size="sm"
                    label={t('settings.hours.removeInterval', { start: interval.start, end: interval.end })}
                    onClick={() => onChange(intervals.filter((_, at) => at !== index))}
                  />
                )}
                {last && intervals.length < 12 && (
                  <IconButton icon="plus" size="sm" label={`${dayName}: ${t('settings.hours.addInterval')}`} onClick={() => onChange([...intervals, nextInterval(intervals)])} />
                )}
                {isOvernight(interval) && <Badge tone="info">{t('settings.hours.overnight')}</Badge>}
                {problem !== undefined && (
                  <span className="field__error" role="alert">
                    {problem === 'empty' ? t('settings.hours.intervalEmpty') : t('settings.hours.intervalInvalid')}
                  </span>
                )}
              </div>
            );
          })}
        </div>
      ) : (
        <span className="hours__closed">{t('settings.hours.closed')}</span>
      )}
    </div>
  );
}

function Holidays({ holidays, onChange }: { holidays: readonly string[]; onChange: (next: readonly string[]) => void }) {
  const { t, format } = useI18n();
  const dateId = useId();
  const [date, setDate] = useState('');
  const [everyYear, setEveryYear] = useState(false);
  const [error, setError] = useState<string>();
  const describe = (holiday: string) =>
    holiday.length === 5
      ? format.date(`2000-${holiday}T12:00:00Z`, { day: 'numeric', month: 'long', timeZone: 'UTC' })
      : format.date(`${holiday}T12:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' });

  const add = () => {
    const holiday = holidayFromDate(date, everyYear);
    if (holiday === null) setError(t('settings.hours.holidayInvalid'));
    else if (holidays.includes(holiday)) setError(t('settings.hours.holidayDuplicate'));
    else {
      onChange(sortHolidays([...holidays, holiday]));
      setDate('');
      setError(undefined);
    }
  };

  return (
    <div className="holidays">
      <div>
        <h3 className="section-title">{t('settings.hours.holidays')}</h3>
        <p className="section-text">{t('settings.hours.holidaysDescription')}</p>
        {holidays.length === 0 ? (
          <p className="table__muted">{t('settings.hours.noHolidays')}</p>
        ) : (
          <ul className="holidays__list">
            {holidays.map((holiday) => (
              <li key={holiday} className="chip">
                {describe(holiday)}
                {holiday.length === 5 && <Badge tone="brand">{t('settings.hours.everyYear')}</Badge>}
                <IconButton icon="x" size="sm" label={t('settings.hours.removeHoliday', { date: describe(holiday) })} onClick={() => onChange(holidays.filter((item) => item !== holiday))} />
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="holidays__add">
        <div className="field">
          <label htmlFor={dateId} className="field__label">
            {t('settings.hours.holidayDate')}
          </label>
          <input
            id={dateId}
            type="date"
            className="input"
            value={date}
            aria-invalid={error !== undefined || undefined}
            onChange={(event) => {
              setDate(event.target.value);
              setError(undefined);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                add();
              }
            }}
          />
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={everyYear} onChange={(event) => setEveryYear(event.target.checked)} />
          {t('settings.hours.everyYear')}
        </label>
        <Button variant="secondary" icon="plus" onClick={add}>
          {t('settings.hours.addHoliday')}
        </Button>
      </div>
      {error !== undefined && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** Weekly opening intervals per weekday, an optional time zone of their own, and holidays. */
export function BusinessHoursEditor({
  draft,
  workspaceTimezone,
  problems,
  onChange,
}: {
  draft: HoursDraft;
  workspaceTimezone: string;
  problems: Partial<Record<Weekday, Record<number, IntervalProblem>>>;
  onChange: (draft: HoursDraft) => void;
}) {
  const { t } = useI18n();
  const sameAsWorkspace = useMemo(() => [{ value: '', label: t('settings.hours.sameAsWorkspace', { zone: readableTimeZone(workspaceTimezone) }) }], [t, workspaceTimezone]);
  return (
    <div className="hours">
      <label className="switch">
        <input type="checkbox" checked={draft.enabled} onChange={(event) => onChange({ ...draft, enabled: event.target.checked })} />
        {t('settings.hours.enabled')}
      </label>
      {!draft.enabled ? (
        <p className="table__muted">{t('settings.hours.disabledNote')}</p>
      ) : (
        <>
          <div style={{ maxWidth: 520 }}>
            <TimeZonePicker
              label={t('settings.hours.timezone')}
              value={draft.timezone}
              onChange={(timezone) => onChange({ ...draft, timezone })}
              extraOptions={sameAsWorkspace}
            />
          </div>
          <div className="hours__days">
            {WEEKDAYS.map((day) => (
              <DayRow key={day} day={day} intervals={draft.days[day]} problems={problems[day]} onChange={(intervals) => onChange({ ...draft, days: { ...draft.days, [day]: intervals } })} />
            ))}
          </div>
          <Button variant="ghost" size="sm" icon="copy" className="hours__add" onClick={() => onChange(copyMondayToWeekdays(draft))}>
            {t('settings.hours.copyToWeekdays')}
          </Button>
          <Holidays holidays={draft.holidays} onChange={(holidays) => onChange({ ...draft, holidays })} />
        </>
      )}
    </div>
  );
}
