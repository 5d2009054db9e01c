import { useMemo, useSyncExternalStore } from 'react';
import { locationSnapshot, parseLocation, subscribeToLocation, type AppLocation } from './history-store.js';

export function useLocation(): AppLocation {
  const href = useSyncExternalStore(subscribeToLocation, locationSnapshot, () => '/');
  return useMemo(() => parseLocation(href), [href]);
}

/** The value of one query parameter (`?search=x`), or '' when absent. */
export function useSearchParam(name: string): string {
  const { search } = useLocation();
  return useMemo(() => new URLSearchParams(search).get(name) ?? '', [search, name]);
}
