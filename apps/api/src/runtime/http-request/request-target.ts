import { parseIp, type IpAddress } from './ip-address.js';
import { redactUrl } from './redact.js';

/** Longer URLs are refused by most servers anyway (8 KB request-line limits). */
export const MAX_URL_LENGTH = 8192;

export interface RequestTarget {
  readonly url: URL;
  /** The host as given to DNS and TLS: lowercase, punycode, IPv6 without brackets. */
  readonly hostname: string;
  /** Set when the host is an IP address: there is no DNS answer to check, only this. */
  readonly literal: IpAddress | undefined;
}

export type ParseTargetResult = { readonly ok: true; readonly target: RequestTarget } | { readonly ok: false; readonly message: string };

/**
 * Parses an outbound URL (untrusted: rendered from a flow's template) with the WHATWG URL
 * parser, the one browsers use. It canonicalises every IPv4 spelling — `127.1`, `0x7f.0.0.1`,
 * `0177.0.0.1`, `2130706433`, full-width digits — to dotted decimal, so the address checks
 * see `127.0.0.1` whatever was written; IPv6 comes out compressed (`[::ffff:7f00:1]`).
 */
export function parseRequestTarget(raw: string): ParseTargetResult {
  if (raw.length > MAX_URL_LENGTH) return { ok: false, message: `The URL is longer than ${String(MAX_URL_LENGTH)} characters.` };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, message: `The URL is not valid: ${redactUrl(raw)}. Write it in full, e.g. https://api.example.com/orders.` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, message: `Only http and https URLs can be called, not ${url.protocol.slice(0, -1)}.` };
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, message: `User names and passwords in the URL are refused (${redactUrl(url)}): send credentials in a header such as Authorization.` };
  }
  if (url.hostname === '') return { ok: false, message: 'The URL has no host.' };
  const hostname = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  return { ok: true, target: { url, hostname, literal: parseIp(hostname) } };
}
