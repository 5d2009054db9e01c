import type { ReactNode } from 'react';
import { matchPath, type RouteParams } from './match-path.js';
import { useLocation } from './use-location.js';

export interface RouteDefinition {
  /** `/flows/:id`; `*` at the end matches anything below. */
  readonly path: string;
  readonly render: (params: RouteParams) => ReactNode;
}

/** Picks the first route whose pattern matches the current path; `fallback` when none does. */
export function pickRoute(routes: readonly RouteDefinition[], pathname: string): { route: RouteDefinition; params: RouteParams } | null {
  for (const route of routes) {
    const params = matchPath(route.path, pathname);
    if (params !== null) return { route, params };
  }
  return null;
}

export function Routes({ routes, fallback }: { routes: readonly RouteDefinition[]; fallback: ReactNode }) {
  const { pathname } = useLocation();
  const picked = pickRoute(routes, pathname);
  return <>{picked === null ? fallback : picked.route.render(picked.params)}</>;
}
