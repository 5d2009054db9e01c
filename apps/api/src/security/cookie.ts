/**
 * The session cookie: writing its `Set-Cookie` value and reading cookies from a request.
 *
 * Attributes and why:
 * - `HttpOnly`: page scripts (and so an XSS) cannot read the session token;
 * - `SameSite=Lax`: the browser does not send it on cross-site sub-requests and form posts,
 *   which stops most CSRF, yet following a link into the app keeps you logged in;
 * - `Path=/`, no `Domain`: sent to the whole app, never to sibling subdomains;
 * - `Secure` whenever the app is served over HTTPS (every deployment but local development).
 */

/** Name of the session cookie. */
export const SESSION_COOKIE_NAME = 'jornada_session';

/** How to write the session cookie. */
export interface SessionCookieOptions {
  /** Add `Secure` (HTTPS only). True in every deployment but local HTTP development. */
  readonly secure: boolean;
  /** Lifetime in whole seconds; match the session's server-side expiry. */
  readonly maxAgeSeconds: number;
}

/** RFC 6265 cookie-octets minus the characters we never need; covers every opaque token. */
const SAFE_COOKIE_VALUE = /^[A-Za-z0-9_\-.~+/=]+$/;
const SAFE_COOKIE_NAME = /^[A-Za-z0-9_\-.~!#$&'*+^`|]+$/;

/**
 * Builds the `Set-Cookie` header value that stores a session token.
 *
 * @throws TypeError when the token has characters that could break out of the cookie (`;`,
 *   CR/LF, spaces…): refusing is safer than encoding a value we did not mint.
 * @throws RangeError when `maxAgeSeconds` is not a non-negative integer.
 */
export function serializeSessionCookie(token: string, options: SessionCookieOptions): string {
  if (typeof token !== 'string' || !SAFE_COOKIE_VALUE.test(token)) {
    throw new TypeError('session token has characters not allowed in a cookie');
  }
  const { maxAgeSeconds, secure } = options;
  if (!Number.isSafeInteger(maxAgeSeconds) || maxAgeSeconds < 0) {
    throw new RangeError('maxAgeSeconds must be a non-negative integer');
  }
  return withAttributes(`${SESSION_COOKIE_NAME}=${token}`, maxAgeSeconds, secure);
}

/**
 * Builds the `Set-Cookie` header value that deletes the session cookie (at logout). Pass
 * `secure` as when setting it so the attributes match.
 */
export function clearSessionCookie(options: { readonly secure?: boolean } = {}): string {
  // Expires in the past as well, for the odd client that ignores Max-Age=0.
  return withAttributes(`${SESSION_COOKIE_NAME}=; Expires=Thu, 01 Jan 1970 00:00:00 GMT`, 0, options.secure === true);
}

/**
 * The value of cookie `name` in a `Cookie` request header, or `undefined`. Tolerant: a missing
 * header, pairs without `=`, stray semicolons or bad percent-escapes are skipped, never thrown.
 * When the name appears more than once the first wins (browsers send the most specific path
 * first). Surrounding double quotes are removed and percent-escapes decoded where valid.
 */
export function readCookie(header: string | null | undefined, name: string): string | undefined {
  if (typeof header !== 'string' || typeof name !== 'string' || !SAFE_COOKIE_NAME.test(name)) return undefined;
  for (const pair of header.split(';')) {
    const equals = pair.indexOf('=');
    if (equals === -1 || pair.slice(0, equals).trim() !== name) continue;
    let value = pair.slice(equals + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    return decodeIfEscaped(value);
  }
  return undefined;
}

function withAttributes(nameAndValue: string, maxAgeSeconds: number, secure: boolean): string {
  const attributes = [nameAndValue, 'HttpOnly', 'SameSite=Lax', 'Path=/', `Max-Age=${maxAgeSeconds}`];
  if (secure) attributes.push('Secure');
  return attributes.join('; ');
}

function decodeIfEscaped(value: string): string {
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
