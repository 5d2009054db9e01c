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
}

/** An answer not taken within this long is not trusted (the editor fetches afresh). */
const FRESH_MS = 10_000;
const preloaded = new Map<string, Preloaded>();

/** Starts fetching the flow `id`, once (a render may run twice; later calls reuse the request). */
export function preloadFlow(api: Api, id: string, now: () => number = Date.now): void {
  const current = preloaded.get(id);
  if (current !== undefined && current.api === api && now() - current.at < FRESH_MS) return;
  const promise = api.flows.get(id);
  // The editor reports a failure when it takes the answer; until then it is nobody's error.
  promise.catch(() => undefined);
  preloaded.set(id, { api, promise, at: now() });
}

/** The preloaded answer for `id`, if one is fresh; it is handed out once. */
export function takePreloadedFlow(api: Api, id: string, now: () => number = Date.now): Promise<FlowDetail> | undefined {
  const current = preloaded.get(id);
  preloaded.delete(id);
  if (current === undefined || current.api !== api || now() - current.at >= FRESH_MS) return undefined;
  return current.promise;
}
