import type { Role } from '../api/types.js';
import { NotFoundScreen } from '../app/status-screens.js';
import { can } from '../auth/permissions.js';
import { useSignedIn } from '../auth/session-context.js';
import { useT } from '../i18n/index.js';
import { Redirect } from '../router/index.js';
import type { IconName } from '../ui/icon.js';
import { NavTabs, Page, PageHeader } from '../ui/page.js';
import { ApiKeysSection } from './api-keys-section.js';
import { MembersSection } from './members-section.js';
import { PreferencesSection } from './preferences-section.js';
import './settings.css';
import { WorkspaceSection } from './workspace-section.js';

type Section = 'workspace' | 'members' | 'api-keys' | 'preferences';

/** The sections a role sees: owners and admins manage the workspace; everyone has preferences. */
export function settingsSections(role: Role): Section[] {
  return [
    ...(can(role, 'workspace.manage') ? (['workspace'] as const) : []),
    ...(can(role, 'members.manage') ? (['members'] as const) : []),
    ...(can(role, 'api_keys.manage') ? (['api-keys'] as const) : []),
    'preferences',
  ];
}

const ICONS: Readonly<Record<Section, IconName>> = { workspace: 'store', members: 'users', 'api-keys': 'key', preferences: 'user' };

/** Settings, one section per URL (`/settings/members`), showing only what the role may change. */
export function SettingsScreen({ section }: { section?: string }) {
  const t = useT();
  const { workspace } = useSignedIn();
  const sections = settingsSections(workspace.role);
  const label = (id: Section): string =>
    id === 'workspace' ? t('settings.tab.workspace') : id === 'members' ? t('settings.tab.members') : id === 'api-keys' ? t('settings.tab.apiKeys') : t('settings.tab.preferences');
  if (section === undefined) return <Redirect to={`/settings/${sections[0] ?? 'preferences'}`} />;
  const current = sections.find((item) => item === section);
  if (current === undefined) return <NotFoundScreen />;
  return (
    <Page title={`${label(current)} · ${t('settings.title')}`}>
      <PageHeader title={t('settings.title')} description={workspace.name} />
      <NavTabs label={t('settings.tabs')} tabs={sections.map((id) => ({ to: `/settings/${id}`, label: label(id), icon: ICONS[id] }))} />
      {current === 'workspace' && <WorkspaceSection workspaceId={workspace.id} />}
      {current === 'members' && <MembersSection />}
      {current === 'api-keys' && <ApiKeysSection />}
      {current === 'preferences' && <PreferencesSection />}
    </Page>
  );
}
