import fc from 'fast-check';
import { anyText } from './__fixtures__/any-text.js';
import { parseDate } from './parse-date.js';

// 2026-06-15 01:30 UTC is still 2026-06-14 in São Paulo (UTC-3).
const now = new Date('2026-06-15T01:30:00Z');
const br = { locale: 'pt-BR', timezone: 'America/Sao_Paulo', now };
const us = { locale: 'en-US', timezone: 'America/New_York', now };

describe('parseDate', () => {
  it.each([
    ['25/12/2026', '2026-12-25'],
    ['25/12/26', '2026-12-25'],
    ['25/12', '2026-12-25'],
    ['5/1', '2026-01-05'],
    ['25-12-2026', '2026-12-25'],
    ['25.12.2026', '2026-12-25'],
    ['2026-12-25', '2026-12-25'],
    ['25 de dezembro de 2026', '2026-12-25'],
    ['25 de Dezembro', '2026-12-25'],
    ['25 dez', '2026-12-25'],
    ['25 dez.', '2026-12-25'],
    ['1º de maio', '2026-05-01'],
    ['dia 7 de março de 2027', '2027-03-07'],
    ['pode ser dia 25/12?', '2026-12-25'],
    ['sexta, 25 de dezembro', '2026-12-25'],
    ['15/03/85', '1985-03-15'],
    ['hoje', '2026-06-14'],
    ['hj', '2026-06-14'],
    ['amanhã', '2026-06-15'],
    ['Amanhã de manhã', '2026-06-15'],
    ['ontem', '2026-06-13'],
    ['depois de amanhã', '2026-06-16'],
    ['anteontem', '2026-06-12'],
  ])('pt-BR %j -> %s', (text, date) => {
    expect(parseDate(text, br)).toEqual({ ok: true, value: date });
  });

  it.each([
    ['12/25/2026', '2026-12-25'],
    ['12/25', '2026-12-25'],
    ['December 25, 2026', '2026-12-25'],
    ['Dec 25', '2026-12-25'],
    ['dec. 25th', '2026-12-25'],
    ['25 December 2026', '2026-12-25'],
    ['the 25th of December', '2026-12-25'],
    ['2026-12-25', '2026-12-25'],
    ['today', '2026-06-14'],
    ['tomorrow', '2026-06-15'],
    ['yesterday', '2026-06-13'],
    ['25/12/2026', '2026-12-25'], // only one sensible reading
  ])('en-US %j -> %s', (text, date) => {
    expect(parseDate(text, us)).toEqual({ ok: true, value: date });
  });

  it('follows the locale for day/month order', () => {
    expect(parseDate('03/04/2026', br)).toEqual({ ok: true, value: '2026-04-03' });
    expect(parseDate('03/04/2026', us)).toEqual({ ok: true, value: '2026-03-04' });
    expect(parseDate('03/04/2026', { ...br, locale: 'en-GB' })).toEqual({ ok: true, value: '2026-04-03' });
  });

  it('takes "today" in the given time zone', () => {
    expect(parseDate('hoje', { ...br, timezone: 'UTC' })).toEqual({ ok: true, value: '2026-06-15' });
    expect(parseDate('today', { ...us, timezone: 'Europe/Lisbon' })).toEqual({ ok: true, value: '2026-06-15' });
    expect(parseDate('hoje', { ...br, timezone: 'Not/AZone' })).toEqual({ ok: true, value: '2026-06-15' });
  });

  it.each(['31/02/2026', '29/02/2026', '32/01', '13/13', '30 de fevereiro', 'qualquer dia', '2026-02-30', 'Feb 30'])('rejects %j', (text) => {
    expect(parseDate(text, br)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('reports two different dates as ambiguous, blank as empty', () => {
    expect(parseDate('25/12 ou 26/12', br)).toEqual({ ok: false, reason: 'ambiguous' });
    expect(parseDate('hoje ou amanhã', br)).toEqual({ ok: false, reason: 'ambiguous' });
    expect(parseDate('amanhã, dia 15/06', br)).toEqual({ ok: true, value: '2026-06-15' });
    expect(parseDate('  ', br)).toEqual({ ok: false, reason: 'empty' });
    expect(parseDate('hoje', { ...br, now: new Date(Number.NaN) })).toEqual({ ok: false, reason: 'invalid' });
  });

  it('never throws and only returns real dates', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom('pt-BR', 'en-US', 'ja', 'xx', ''), (text, locale) => {
        const result = parseDate(text, { ...br, locale });
        if (result.ok) expect(new Date(`${result.value}T00:00:00Z`).toISOString().slice(0, 10)).toBe(result.value);
      }),
      { numRuns: 500 },
    );
  });

  it('reads back any date it could have printed', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2099, 11, 31) }), fc.constantFrom('pt-BR', 'en-US', 'en-GB'), (ms, locale) => {
        const iso = new Date(ms).toISOString().slice(0, 10);
        const written = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(ms));
        const long = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'long' }).format(new Date(ms));
        expect(parseDate(written, { ...br, locale })).toEqual({ ok: true, value: iso });
        expect(parseDate(long, { ...br, locale })).toEqual({ ok: true, value: iso });
      }),
      { numRuns: 300 },
    );
  });
});
