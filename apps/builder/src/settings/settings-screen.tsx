import { useSignedIn } from '../auth/session-context.js';
import { useT } from '../i18n/index.js';
import { Redirect } from '../router/index.js';
import type { IconName } from '../ui/icon.js';
import { NavTabs, Page, PageHeader } from '../ui/page.js';
import { PreferencesSection } from './preferences-section.js';
import { NotFoundScreen } from '../app/status-screens.js';

type Section = 'preferences';

/** Settings, one section per URL (`/settings/members`), showing only what the role may change. */
export function SettingsScreen({ section }: { section?: string }) {
  const t = useT();
  const { workspace } = useSignedIn();
  const sections: { id: Section; label: string; icon: IconName }[] = [{ id: 'preferences', label: t('settings.tab.preferences'), icon: 'user' }];
  if (section === undefined) return <Redirect to={`/settings/${sections[0]?.id ?? 'preferences'}`} />;
  const current = sections.find((item) => item.id === section);
  if (current === undefined) return <NotFoundScreen />;
  return (
    <Page title={`${current.label} · ${t('settings.title')}`}>
      <PageHeader title={t('settings.title')} description={workspace.name} />
      <NavTabs label={t('settings.tabs')} tabs={sections.map((item) => ({ to: `/settings/${item.id}`, label: item.label, icon: item.icon }))} />
      {current.id === 'preferences' && <PreferencesSection />}
    </Page>
  );
}
