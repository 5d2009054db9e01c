import { createContext, use, type ReactNode } from 'react';
import type { Api } from './create-api.js';

const ApiContext = createContext<Api | null>(null);

export function ApiProvider({ api, children }: { api: Api; children: ReactNode }) {
  return <ApiContext value={api}>{children}</ApiContext>;
}

/** The typed API of the running app (tests give their own through ApiProvider). */
export function useApi(): Api {
  const api = use(ApiContext);
  if (api === null) throw new Error('useApi() outside <ApiProvider>');
  return api;
}
