import { authApi } from './auth.api.js';
import { flowsApi } from './flows.api.js';
import type { HttpClient } from './http-client.js';
import { simulationsApi } from './simulations.api.js';
import { workspacesApi } from './workspaces.api.js';

/** Every typed API call the builder makes, grouped by area. */
export function createApi(http: HttpClient) {
  return { auth: authApi(http), workspaces: workspacesApi(http), flows: flowsApi(http), simulations: simulationsApi(http) };
}

export type Api = ReturnType<typeof createApi>;
