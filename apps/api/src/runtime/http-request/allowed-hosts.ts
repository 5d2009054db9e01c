import { parseCidr, type IpRange } from './ip-address.js';

/**
 * One entry of `HTTP_REQUEST_ALLOWED_HOSTS`:
 * - `host`: an exact host name (`store.local`): its non-public addresses are allowed, whatever
 *   DNS answers for it — so the name's DNS is trusted;
 * - `domain`: `*.shop.internal`, every name under that domain (not the domain itself), likewise;
 * - `range`: an address or CIDR range (`10.0.0.5`, `10.1.0.0/16`, `fd00::/8`): exactly those
 *   addresses, for any host name. Only ranges can allow metadata, multicast or unspecified
 *   addresses, and only when written out.
 */
export type AllowedHostRule =
  | { readonly kind: 'host'; readonly host: string }
  | { readonly kind: 'domain'; readonly domain: string }
  | { readonly kind: 'range'; readonly range: IpRange; readonly text: string };

export type ParseAllowedHostsResult =
  | { readonly ok: true; readonly rules: readonly AllowedHostRule[] }
  | { readonly ok: false; readonly entry: string; readonly reason: string };

const HOST_LABELS = /^(?=.{1,253}$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*$/;

/** Parses a comma-separated list (blanks ignored). Pure; the config parser reports errors. */
export function parseAllowedHosts(text: string): ParseAllowedHostsResult {
  const rules: AllowedHostRule[] = [];
  for (const raw of text.split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const rule = parseEntry(entry);
    if ('reason' in rule) return { ok: false, entry, reason: rule.reason };
    rules.push(rule);
  }
  return { ok: true, rules };
}

function parseEntry(entry: string): AllowedHostRule | { reason: string } {
  if (entry.includes('/') || entry.includes(':') || /^[\d.]+$/.test(entry)) {
    const range = parseCidr(entry);
    return 'error' in range ? { reason: range.error } : { kind: 'range', range, text: entry };
  }
  const wildcard = entry.startsWith('*.');
  const name = normalizeHostName(wildcard ? entry.slice(2) : entry);
  if (name === undefined || name.includes('*')) return { reason: 'not a host name, *.domain, IP address or CIDR range' };
  return wildcard ? { kind: 'domain', domain: name } : { kind: 'host', host: name };
}

/** Lowercase, punycode (as the URL parser writes it), without a trailing dot; undefined if not a name. */
export function normalizeHostName(text: string): string | undefined {
  // Anything the URL parser would read as user info, port, path, query or fragment is not a name.
  if (/[\s@:/?#\\%[\]]/.test(text)) return undefined;
  let hostname: string;
  try {
    hostname = new URL(`http://${text}/`).hostname;
  } catch {
    return undefined;
  }
  const name = hostname.replace(/\.$/, '');
  return HOST_LABELS.test(name) ? name : undefined;
}

/** Whether a host-name rule names `hostname` (already normalized by the URL parser). */
export function hostRuleMatches(rules: readonly AllowedHostRule[], hostname: string): boolean {
  const name = hostname.replace(/\.$/, '');
  return rules.some((rule) => (rule.kind === 'host' && rule.host === name) || (rule.kind === 'domain' && name.endsWith(`.${rule.domain}`)));
}
