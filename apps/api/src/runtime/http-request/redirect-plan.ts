import type { IncomingHttpHeaders } from 'node:http';
import type { HttpFailureCode } from './http-request-outcome.js';
import { isSecretHeader, redactUrl } from './redact.js';
import { parseRequestTarget, type RequestTarget } from './request-target.js';
import type { Hop } from './send-hop.js';

export const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Headers that describe a body (Fetch's "request-body-header names"): gone with the body. */
const BODY_HEADERS: ReadonlySet<string> = new Set(['content-type', 'content-encoding', 'content-language', 'content-location']);

/** A redirect we follow: one of the five statuses, with a Location. Others are answers. */
export function isFollowedRedirect(status: number, headers: IncomingHttpHeaders): boolean {
  return REDIRECT_STATUSES.has(status) && typeof headers.location === 'string' && headers.location !== '';
}

export type RedirectPlan =
  | { readonly ok: true; readonly hop: Hop; readonly target: RequestTarget }
  | { readonly ok: false; readonly code: HttpFailureCode; readonly message: string };

/**
 * The next request of a redirect chain, or why the chain stops. The new URL goes through the
 * same checks as the first (scheme, credentials; its address is checked when it connects).
 * - At most `maxRedirects` hops.
 * - https -> http is refused: the flow chose https, and its headers and body (often an API key
 *   and customer data) would then cross the network in clear text.
 * - 303, and 301/302 after a POST, continue as GET without a body (what browsers do and
 *   servers expect); 307/308 repeat the method and body.
 * - To another origin, credential headers (Authorization, Cookie, X-Api-Key…) are not sent.
 */
export function planRedirect({ hop, status, location, redirects, maxRedirects }: { hop: Hop; status: number; location: string; redirects: number; maxRedirects: number }): RedirectPlan {
  if (redirects >= maxRedirects) return { ok: false, code: 'too_many_redirects', message: `Stopped after ${String(maxRedirects)} redirects.` };
  let resolved: URL;
  try {
    resolved = new URL(location, hop.url);
  } catch {
    return { ok: false, code: 'invalid_response', message: `The server redirected to an invalid URL (${redactUrl(location)}).` };
  }
  const parsed = parseRequestTarget(resolved.href);
  if (!parsed.ok) return { ok: false, code: 'invalid_url', message: `The server redirected to a URL that cannot be called: ${parsed.message}` };
  const next = parsed.target.url;
  if (hop.url.protocol === 'https:' && next.protocol === 'http:') {
    return { ok: false, code: 'insecure_redirect', message: `Refused a redirect from https to plain http (${redactUrl(next)}).` };
  }
  const becomesGet = (status === 303 && hop.method !== 'HEAD') || ((status === 301 || status === 302) && hop.method === 'POST');
  const crossOrigin = next.origin !== hop.url.origin;
  const headers = Object.fromEntries(
    Object.entries(hop.headers).filter(([name]) => !(becomesGet && BODY_HEADERS.has(name)) && !(crossOrigin && isSecretHeader(name))),
  );
  return {
    ok: true,
    target: parsed.target,
    hop: { url: next, method: becomesGet ? 'GET' : hop.method, headers, body: becomesGet ? undefined : hop.body },
  };
}
