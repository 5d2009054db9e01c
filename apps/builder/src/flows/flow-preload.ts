import type { Api } from '../api/create-api.js';
import type { FlowDetail } from '../api/types.js';

/**
 * A flow's draft fetched while the editor's code is still loading: the route starts the
 * request as soon as it is picked, and the editor takes the answer instead of asking again.
 * Without it the two ran one after the other (chunk, then the flow), some 300–400 ms on a
 * big flow. Kept here, in the main bundle, so it runs before the editor's chunk arrives.
 */
interface Preloaded {
  readonly api: Api;
  readonly promise: Promise<FlowDetail>;
  readonly at: number;
  /** The workspace it was asked in, when asked before the session named one (at start); else the current one. */
  readonly workspaceId: string | undefined;
}

/** An answer not taken within this long is not trusted (the editor fetches afresh). */
const FRESH_MS = 10_000;
const preloaded = new Map<string, Preloaded>();

/** Starts fetching the flow `id`, once (a render may run twice; later calls reuse the request). */
export function preloadFlow(api: Api, id: string, now: () => number = Date.now, workspaceId?: string): void {
  const current = preloaded.get(id);
  if (current !== undefined && current.api === api && now() - current.at < FRESH_MS) return;
  const promise = api.flows.get(id, workspaceId);
  // The editor reports a failure when it takes the answer; until then it is nobody's error.
  promise.catch(() => undefined);
  preloaded.set(id, { api, promise, at: now(), workspaceId });
}

/**
 * At the builder's start, when the address is a flow's (a bookmark, a reload): asks for it in
 * the workspace used last, alongside the session's own request instead of after it — one round
 * trip less before a big flow is drawn. The editor takes the answer only if the session lands in
 * that same workspace, and asks again if this request failed (signed out, a workspace left).
 */
export function preloadFlowAtStart(api: Api, pathname: string, workspaceId: string | undefined, now: () => number = Date.now): void {
  const match = /^\/flows\/([^/]+)\/?$/.exec(pathname);
  if (match?.[1] === undefined || workspaceId === undefined) return;
  preloadFlow(api, decodeURIComponent(match[1]), now, workspaceId);
}

/** The preloaded answer for `id`, if one is fresh; it is handed out once. */
export function takePreloadedFlow(api: Api, id: string, now: () => number = Date.now, workspaceId?: string): Promise<FlowDetail> | undefined {
  const current = preloaded.get(id);
  preloaded.delete(id);
  if (current === undefined || current.api !== api || now() - current.at >= FRESH_MS) return undefined;
  if (current.workspaceId === undefined) return current.promise;
  // Asked at start, in the workspace used last: only good for that workspace, and a failure there is not the editor's.
  if (current.workspaceId !== workspaceId) return undefined;
  return current.promise.catch(() => api.flows.get(id));
}
