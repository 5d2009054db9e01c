import { lazy, type ComponentType } from 'react';

const RELOADED_KEY = 'jornada.reloadedForChunk';

/**
 * A page loaded on first use. After a deploy, an open tab may ask for a chunk whose hashed name
 * no longer exists: the page then reloads once to fetch the new build, instead of breaking.
 */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => {
    try {
      const component = await load();
      window.sessionStorage.removeItem(RELOADED_KEY);
      return { default: component };
    } catch (error) {
      if (window.sessionStorage.getItem(RELOADED_KEY) === null) {
        window.sessionStorage.setItem(RELOADED_KEY, '1');
        window.location.reload();
      }
      throw error;
    }
  });
}
