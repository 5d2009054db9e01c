import { Suspense, type ReactNode } from 'react';
import { useApi } from '../api/api-context.js';
import type { Api } from '../api/create-api.js';
import type { Role } from '../api/types.js';
import { can, type BuilderAction } from '../auth/permissions.js';
import { useSignedIn } from '../auth/session-context.js';
import { preloadFlow } from '../flows/flow-preload.js';
import { FlowsScreen } from '../flows/flows-screen.js';
import { pickRoute, Redirect, useLocation, type RouteDefinition, type RouteParams } from '../router/index.js';
import { SettingsScreen } from '../settings/settings-screen.js';
import { useT } from '../i18n/index.js';
import { LoadingBlock } from '../ui/spinner.js';
import { AppShell } from './app-shell.js';
import { lazyPage } from './lazy-page.js';
import { ForbiddenScreen, NotFoundScreen } from './status-screens.js';

// The editor (React Flow, the engine) and the versions screen (the engine's diff) load on
// first use, so the flows list and settings start without them.
const FlowEditorScreen = lazyPage(async () => (await import('../editor/index.js')).FlowEditorScreen);
const VersionsScreen = lazyPage(async () => (await import('../versions/versions-screen.js')).VersionsScreen);

function PageLoading() {
  const t = useT();
  return <LoadingBlock label={t('common.loading')} />;
}

/** Where `/` leads: flows for those who build them; settings (language) for agents, until the inbox. */
export function homePath(role: Role): string {
  return can(role, 'flows.read') ? '/flows' : '/settings';
}

interface AppRoute extends RouteDefinition {
  /** Rendered without the sidebar and top bar (the editor has its own). */
  readonly fullScreen?: boolean;
  /** What the role must be allowed, else the page says so. */
  readonly needs?: BuilderAction;
  /** Starts fetching the page's data while its code loads (the page takes the answer). */
  readonly preload?: (api: Api, params: RouteParams) => void;
}

const ROUTES: readonly AppRoute[] = [
  { path: '/flows', needs: 'flows.read', render: () => <FlowsScreen /> },
  { path: '/flows/:id', needs: 'flows.read', fullScreen: true, preload: (api, { id = '' }) => preloadFlow(api, id), render: ({ id = '' }) => <FlowEditorScreen key={id} flowId={id} /> },
  { path: '/flows/:id/versions', needs: 'flows.read', render: ({ id = '' }) => <VersionsScreen key={id} flowId={id} /> },
  { path: '/settings', render: () => <SettingsScreen /> },
  { path: '/settings/:section', render: ({ section = '' }) => <SettingsScreen section={section} /> },
];

/** The signed-in app: picks the page for the path, in the shell unless it is full screen. */
export function AppRoutes() {
  const { workspace } = useSignedIn();
  const api = useApi();
  const { pathname } = useLocation();
  if (pathname === '/' || pathname === '/login' || pathname === '/setup') return <Redirect to={homePath(workspace.role)} />;
  const picked = pickRoute(ROUTES, pathname);
  if (picked === null) return <AppShell>{<NotFoundScreen />}</AppShell>;
  const route = picked.route as AppRoute;
  let page: ReactNode = <Suspense fallback={<PageLoading />}>{route.render(picked.params)}</Suspense>;
  if (route.needs !== undefined && !can(workspace.role, route.needs)) page = <ForbiddenScreen role={workspace.role} />;
  else {
    // In render, not in an effect: the page's own effect (when its code is already loaded)
    // runs before this component's and must find the request started. Preloads are idempotent.
    route.preload?.(api, picked.params);
    if (route.fullScreen === true) return <div className="fullscreen">{page}</div>;
  }
  // Keyed by workspace: switching workspaces starts every page afresh.
  return <AppShell key={workspace.id}>{page}</AppShell>;
}
