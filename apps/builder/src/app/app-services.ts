import { createApi, type Api } from '../api/create-api.js';
import { createHttpClient } from '../api/http-client.js';

/**
 * What the running app talks to: the typed API, the workspace its requests act in, and a
 * signal when the server says the session is gone (401), so any screen can end up at sign-in.
 */
export interface AppServices {
  readonly api: Api;
  readonly workspace: { get(): string | undefined; set(id: string | undefined): void };
  onUnauthorized(listener: () => void): () => void;
}

export function createAppServices({ baseUrl = '', fetch }: { baseUrl?: string; fetch?: typeof globalThis.fetch } = {}): AppServices {
  let workspaceId: string | undefined;
  const listeners = new Set<() => void>();
  const http = createHttpClient({
    baseUrl,
    workspaceId: () => workspaceId,
    onUnauthorized: () => {
      for (const listener of listeners) listener();
    },
    ...(fetch === undefined ? {} : { fetch }),
  });
  return {
    api: createApi(http),
    workspace: {
      get: () => workspaceId,
      set: (id) => {
        workspaceId = id;
      },
    },
    onUnauthorized: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
