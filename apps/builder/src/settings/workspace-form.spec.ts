import type { Workspace } from '../api/types.js';
import { changesOf, formProblems, isEmptyChange, toForm } from './workspace-form.js';

const workspace: Workspace = {
  id: 'w1',
  name: 'Loja da Ana',
  slug: 'loja-da-ana',
  timezone: 'America/Sao_Paulo',
  locale: 'pt-BR',
  currency: 'BRL',
  country: 'BR',
  businessHours: null,
  createdAt: '2026-11-01T00:00:00Z',
};

describe('workspace settings form', () => {
  it('sends nothing when nothing changed', () => {
    const form = toForm(workspace);
    expect(isEmptyChange(changesOf(form, form))).toBe(true);
  });

  it('sends only changed fields, trimmed, and null to clear the country', () => {
    const saved = toForm(workspace);
    const form = { ...saved, name: '  Loja Nova ', country: '', timezone: 'Europe/Lisbon' };
    expect(changesOf(saved, form)).toEqual({ name: 'Loja Nova', country: null, timezone: 'Europe/Lisbon' });
  });

  it('sends business hours when turned on, null when turned off', () => {
    const saved = toForm(workspace);
    const on = { ...saved, hours: { ...saved.hours, enabled: true } };
    expect(changesOf(saved, on).businessHours).toEqual({ days: { mon: [{ start: '09:00', end: '18:00' }], tue: [{ start: '09:00', end: '18:00' }], wed: [{ start: '09:00', end: '18:00' }], thu: [{ start: '09:00', end: '18:00' }], fri: [{ start: '09:00', end: '18:00' }] } });
    expect(changesOf(on, saved)).toEqual({ businessHours: null });
  });

  it('refuses an empty name and broken hours', () => {
    const form = toForm(workspace);
    expect(formProblems({ ...form, name: '  ' })).toEqual({ name: true, hours: false });
    const broken = { ...form, hours: { ...form.hours, enabled: true, days: { ...form.hours.days, mon: [{ start: '10:00', end: '10:00' }] } } };
    expect(formProblems(broken)).toEqual({ name: false, hours: true });
  });
});
