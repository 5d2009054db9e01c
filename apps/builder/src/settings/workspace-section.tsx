import { useEffect, useState } from 'react';
import { useApi } from '../api/api-context.js';
import { isApiError } from '../api/api-error.js';
import { WORKSPACE_LOCALES, type Workspace } from '../api/types.js';
import { useResource } from '../api/use-resource.js';
import { useSession } from '../auth/session-context.js';
import { LOCALE_NAMES, useI18n } from '../i18n/index.js';
import { Button } from '../ui/button.js';
import { describeError } from '../ui/describe-error.js';
import { ErrorState } from '../ui/error-state.js';
import { SelectField, TextField } from '../ui/field.js';
import { Card } from '../ui/page.js';
import { LoadingBlock } from '../ui/spinner.js';
import { TimeZonePicker } from '../ui/time-zone-picker.js';
import { useToast } from '../ui/toast.js';
import { intervalProblems } from './business-hours.js';
import { BusinessHoursEditor } from './business-hours-editor.js';
import { countryOptions, currencyOptions } from './regions.js';
import { changesOf, formProblems, isEmptyChange, toForm, type WorkspaceForm } from './workspace-form.js';

function WorkspaceSettingsForm({ workspace, onSaved }: { workspace: Workspace; onSaved: (workspace: Workspace) => void }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const toast = useToast();
  const session = useSession();
  const saved = toForm(workspace);
  const [form, setForm] = useState<WorkspaceForm>(saved);
  const [showProblems, setShowProblems] = useState(false);
  const [busy, setBusy] = useState(false);
  const [serverErrors, setServerErrors] = useState<Readonly<Record<string, string>>>({});
  const changes = changesOf(saved, form);
  const dirty = !isEmptyChange(changes);
  const problems = formProblems(form);

  // Leaving the page with unsaved settings asks first (a browser prompt).
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const update = (change: Partial<WorkspaceForm>) => {
    setForm((current) => ({ ...current, ...change }));
    setServerErrors({});
  };

  const save = async () => {
    if (problems.name || problems.hours) {
      setShowProblems(true);
      return;
    }
    setBusy(true);
    try {
      const updated = await api.workspaces.update(changes);
      onSaved(updated);
      setForm(toForm(updated));
      setShowProblems(false);
      if (changes.name !== undefined) await session.refresh();
      toast.show({ tone: 'success', message: t('settings.workspace.saved') });
    } catch (error) {
      if (isApiError(error) && error.details.length > 0) setServerErrors(Object.fromEntries(error.details.map((detail) => [detail.field.split('.')[0] ?? detail.field, detail.message])));
      toast.show({ tone: 'error', ...describeError(error, t) });
    } finally {
      setBusy(false);
    }
  };

  const currencies = currencyOptions(locale);
  const countries = countryOptions(locale);
  return (
    <form
      className="settings-stack"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Card title={t('settings.workspace.general')} description={t('settings.workspace.generalDescription')}>
        <div className="form-grid">
          <TextField
            label={t('settings.workspace.name')}
            value={form.name}
            maxLength={200}
            error={showProblems && problems.name ? t('common.required') : serverErrors['name']}
            onChange={(event) => update({ name: event.target.value })}
          />
          <TimeZonePicker label={t('settings.workspace.timezone')} hint={serverErrors['timezone'] ?? t('settings.workspace.timezoneHint')} value={form.timezone} onChange={(timezone) => update({ timezone })} />
          <SelectField label={t('settings.workspace.locale')} hint={t('settings.workspace.localeHint')} value={form.locale} onChange={(event) => update({ locale: event.target.value })}>
            {WORKSPACE_LOCALES.map((option) => (
              <option key={option} value={option}>
                {LOCALE_NAMES[option]}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('settings.workspace.currency')}
            hint={t('settings.workspace.currencyHint')}
            error={serverErrors['currency']}
            value={form.currency}
            onChange={(event) => update({ currency: event.target.value })}
          >
            {!currencies.some((option) => option.code === form.currency) && <option value={form.currency}>{form.currency}</option>}
            {currencies.map((option) => (
              <option key={option.code} value={option.code}>
                {option.code} — {option.name}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('settings.workspace.country')}
            hint={t('settings.workspace.countryHint')}
            error={serverErrors['country']}
            value={form.country}
            onChange={(event) => update({ country: event.target.value })}
          >
            <option value="">{t('settings.workspace.noCountry')}</option>
            {form.country !== '' && !countries.some((option) => option.code === form.country) && <option value={form.country}>{form.country}</option>}
            {countries.map((option) => (
              <option key={option.code} value={option.code}>
                {option.name}
              </option>
            ))}
          </SelectField>
        </div>
      </Card>
      <Card title={t('settings.hours.title')} description={t('settings.hours.description')}>
        <BusinessHoursEditor
          draft={form.hours}
          workspaceTimezone={form.timezone}
          problems={showProblems ? intervalProblems(form.hours) : {}}
          onChange={(hours) => update({ hours })}
        />
      </Card>
      {dirty && (
        <div className="save-bar" role="region" aria-label={t('settings.workspace.unsaved')}>
          <span className="save-bar__text">{t('settings.workspace.unsaved')}</span>
          <Button variant="ghost" disabled={busy} onClick={() => setForm(saved)}>
            {t('settings.workspace.discard')}
          </Button>
          <Button variant="primary" type="submit" loading={busy}>
            {t('common.saveChanges')}
          </Button>
        </div>
      )}
    </form>
  );
}

/** The workspace's own settings: name, time zone, language, currency, country, business hours. */
export function WorkspaceSection({ workspaceId }: { workspaceId: string }) {
  const { t } = useI18n();
  const api = useApi();
  const { state, reload, set } = useResource(() => api.workspaces.current(), workspaceId);
  if (state.status === 'error' && state.data === undefined) return <ErrorState error={state.error} onRetry={reload} />;
  if (state.data === undefined) return <LoadingBlock label={t('common.loading')} />;
  return <WorkspaceSettingsForm key={state.data.id} workspace={state.data} onSaved={(updated) => set(() => updated)} />;
}
