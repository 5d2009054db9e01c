/**
 * The browser location as a store React can subscribe to (useSyncExternalStore). Navigation
 * goes through the History API; `popstate` (back/forward) and our own pushes notify listeners.
 */
export interface AppLocation {
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
}

const NAVIGATE_EVENT = 'jornada:navigate';

export function subscribeToLocation(listener: () => void): () => void {
  window.addEventListener('popstate', listener);
  window.addEventListener(NAVIGATE_EVENT, listener);
  return () => {
    window.removeEventListener('popstate', listener);
    window.removeEventListener(NAVIGATE_EVENT, listener);
  };
}

/** A string snapshot: stable between renders as long as the URL does not change. */
export function locationSnapshot(): string {
  const { pathname, search, hash } = window.location;
  return `${pathname}${search}${hash}`;
}

export function parseLocation(href: string): AppLocation {
  const url = new URL(href, 'http://local');
  return { pathname: url.pathname, search: url.search, hash: url.hash };
}

export interface NavigateOptions {
  /** Replace the current history entry instead of adding one (redirects). */
  readonly replace?: boolean;
}

/** Goes to an in-app path (`/flows/1?x#y`); listeners re-render at once. */
export function navigate(to: string, { replace = false }: NavigateOptions = {}): void {
  if (to === locationSnapshot()) return;
  if (replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}
