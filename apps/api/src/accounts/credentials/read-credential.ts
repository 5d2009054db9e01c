import type { IncomingHttpHeaders } from 'node:http';
import { SESSION_COOKIE_NAME, readCookie } from '../../security/index.js';

/** What a request presents to prove who it is. */
export type Credential =
  | { readonly kind: 'session'; readonly token: string; readonly source: 'cookie' | 'bearer' }
  | { readonly kind: 'api_key'; readonly key: string }
  /** An Authorization header that is not `Bearer <token>`: refused, never a fallback to the cookie. */
  | { readonly kind: 'malformed' };

const BEARER = /^Bearer[ \t]+([^\s]+)[ \t]*$/i;
/** Longer values are junk; stop before any regex or hashing work. */
const MAX_CREDENTIAL_LENGTH = 512;

/**
 * Reads the credential of a request, in order of precedence: `Authorization: Bearer <token>`
 * (a session token, or an API key when it starts with `jrn_`), `X-Api-Key: <key>`, then the
 * session cookie. `null` when there is none. Explicit headers win over the cookie so a script
 * run from a browser session still acts as the key it sends.
 */
export function readCredential(headers: IncomingHttpHeaders): Credential | null {
  const authorization = headers.authorization;
  if (authorization !== undefined && authorization !== '') {
    const match = authorization.length <= MAX_CREDENTIAL_LENGTH ? BEARER.exec(authorization) : null;
    const token = match?.[1];
    if (token === undefined) return { kind: 'malformed' };
    return token.startsWith('jrn_') ? { kind: 'api_key', key: token } : { kind: 'session', token, source: 'bearer' };
  }
  const apiKey = firstValue(headers['x-api-key'])?.trim();
  if (apiKey !== undefined && apiKey !== '') {
    return apiKey.length <= MAX_CREDENTIAL_LENGTH ? { kind: 'api_key', key: apiKey } : { kind: 'malformed' };
  }
  const token = readCookie(headers.cookie, SESSION_COOKIE_NAME);
  return token === undefined || token === '' ? null : { kind: 'session', token, source: 'cookie' };
}

/** The `X-Workspace-Id` header: the workspace a request asks to act in, if any. */
export function readWorkspaceHeader(headers: IncomingHttpHeaders): string | undefined {
  const value = firstValue(headers['x-workspace-id'])?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
