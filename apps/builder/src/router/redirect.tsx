import { useEffect } from 'react';
import { navigate } from './history-store.js';

/** Replaces the current entry with `to` once rendered (a route that moved, a guard). */
export function Redirect({ to }: { to: string }) {
  useEffect(() => {
    navigate(to, { replace: true });
  }, [to]);
  return null;
}
