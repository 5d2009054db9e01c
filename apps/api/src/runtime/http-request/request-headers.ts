/** Sane bounds: a flow has at most 30 headers; values are rendered templates. */
export const MAX_HEADER_COUNT = 50;
export const MAX_HEADER_VALUE_BYTES = 8 * 1024;
export const MAX_HEADER_TOTAL_BYTES = 32 * 1024;

/**
 * Headers a flow may not set: hop-by-hop headers (RFC 9110 §7.6.1) belong to one connection
 * and we own it; `Host` must match the host we checked and connect to; `Content-Length` is
 * computed from the body; `Expect: 100-continue` could stall the request; `Accept-Encoding`
 * is ours, because we must be able to decode (and size-check) whatever comes back. Host
 * overrides (`X-Forwarded-Host`, `Forwarded`, `X-Original-URL`…) are how a request talks a
 * reverse proxy into routing it to another virtual host or path: a flow has no use for them.
 */
const DROPPED = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authorization',
  'proxy-authenticate',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'host',
  'content-length',
  'expect',
  'accept-encoding',
  'http2-settings',
  'forwarded',
  'x-forwarded-host',
  'x-forwarded-server',
  'x-host',
  'x-original-host',
  'x-http-host-override',
  'x-original-url',
  'x-rewrite-url',
]);

/** RFC 9110 token characters. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Visible ASCII, spaces, tabs and Latin-1 (what HTTP/1.1 can carry); no CR, LF, NUL or other controls. */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

export const ACCEPT_ENCODING = 'gzip, deflate, br';
const DEFAULT_ACCEPT = 'application/json, text/plain;q=0.9, */*;q=0.8';

export type BuildHeadersResult =
  | { readonly ok: true; readonly headers: Record<string, string>; readonly dropped: readonly string[] }
  | { readonly ok: false; readonly message: string };

/**
 * The headers sent: the flow's own (names lowercased, a later duplicate wins), minus the
 * dropped ones, plus defaults it did not set — `User-Agent: Jornada/<version>`, an `Accept`
 * that prefers JSON, and a `Content-Type` for a body (JSON if it parses as JSON, else text).
 */
export function buildRequestHeaders({ headers, body, userAgent }: { headers: Readonly<Record<string, string>>; body: string | undefined; userAgent: string }): BuildHeadersResult {
  const entries = Object.entries(headers);
  if (entries.length > MAX_HEADER_COUNT) return { ok: false, message: `Too many headers: ${String(entries.length)} (at most ${String(MAX_HEADER_COUNT)}).` };
  const result: Record<string, string> = {};
  const dropped: string[] = [];
  let total = 0;
  for (const [rawName, value] of entries) {
    const name = rawName.trim().toLowerCase();
    if (!HEADER_NAME.test(name)) return { ok: false, message: `The header name ${JSON.stringify(rawName.slice(0, 100))} is not valid.` };
    if (!HEADER_VALUE.test(value)) return { ok: false, message: `The value of the header ${rawName} has line breaks, control characters or characters outside Latin-1.` };
    const size = Buffer.byteLength(value, 'utf8');
    if (size > MAX_HEADER_VALUE_BYTES) return { ok: false, message: `The value of the header ${rawName} is larger than ${String(MAX_HEADER_VALUE_BYTES)} bytes.` };
    total += size + name.length;
    if (DROPPED.has(name)) {
      dropped.push(name);
      continue;
    }
    result[name] = value.trim();
  }
  if (total > MAX_HEADER_TOTAL_BYTES) return { ok: false, message: `The headers are larger than ${String(MAX_HEADER_TOTAL_BYTES)} bytes in total.` };
  result['user-agent'] ??= userAgent;
  result['accept'] ??= DEFAULT_ACCEPT;
  if (body !== undefined) result['content-type'] ??= looksLikeJson(body) ? 'application/json' : 'text/plain; charset=utf-8';
  result['accept-encoding'] = ACCEPT_ENCODING;
  return { ok: true, headers: result, dropped };
}

function looksLikeJson(body: string): boolean {
  const start = body.trimStart()[0];
  if (start !== '{' && start !== '[') return false;
  try {
    JSON.parse(body);
    return true;
  } catch {
    return false;
  }
}
