/** What replaces a secret in logs and in what the runtime stores about a request. */
export const REDACTED = '[redacted]';

/** Header names that carry credentials: exact names, then any name with one of these words. */
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);
const SECRET_WORDS = /token|secret|key|passw|pwd|auth|session|signature|credential|cookie/i;
/** Query parameters likely to be credentials (`?access_token=…`, `?api_key=…`, `?sig=…`). */
const SECRET_PARAMS = /token|secret|key|passw|pwd|auth|session|signature|^sig$|credential|^code$/i;

/** Names with a secret-sounding word that are not credentials (and must survive a redirect). */
const NOT_SECRET = new Set(['idempotency-key']);

export function isSecretHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return SECRET_HEADERS.has(lower) || (SECRET_WORDS.test(lower) && !NOT_SECRET.has(lower));
}

/** The headers with credential values replaced, names kept (so a missing header is visible). */
export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, isSecretHeader(name) ? REDACTED : value]));
}

/**
 * The URL with user info and credential-like query values replaced. For text that is not a
 * URL, only its length: it may hold anything.
 */
export function redactUrl(raw: string | URL): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `(not a URL, ${String(String(raw).length)} characters)`;
  }
  if (url.username !== '') url.username = 'REDACTED';
  if (url.password !== '') url.password = 'REDACTED';
  for (const name of new Set(url.searchParams.keys())) {
    if (SECRET_PARAMS.test(name)) url.searchParams.set(name, 'REDACTED');
  }
  return url.toString();
}
