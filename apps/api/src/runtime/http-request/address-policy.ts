import { hostRuleMatches, type AllowedHostRule } from './allowed-hosts.js';
import { CATEGORY_DESCRIPTIONS, classifyAddress, type AddressCategory } from './classify-address.js';
import { formatIp, inRange, type IpAddress } from './ip-address.js';

/** Which non-public addresses outbound requests may reach (HTTP_REQUEST_* settings). */
export interface AddressPolicy {
  /** HTTP_REQUEST_ALLOW_PRIVATE: private networks, loopback, link-local, unique-local and CGNAT. */
  readonly allowPrivate: boolean;
  readonly allowedHosts: readonly AllowedHostRule[];
}

export const DENY_PRIVATE: AddressPolicy = { allowPrivate: false, allowedHosts: [] };

/**
 * What HTTP_REQUEST_ALLOW_PRIVATE and host-name entries can open: the networks a shop's own
 * services live on. Metadata services, unspecified, multicast and reserved addresses are never
 * opened that way; an explicit address range in HTTP_REQUEST_ALLOWED_HOSTS is the only key.
 */
const LOCAL_NETWORK_CATEGORIES: ReadonlySet<AddressCategory> = new Set(['loopback', 'private', 'link_local', 'unique_local', 'cgnat']);

export type AddressDecision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly category: AddressCategory; readonly message: string };

/**
 * Whether a request for `hostname` may connect to `address`. Called for every address DNS
 * gives and again for the address the socket connected to.
 */
export function decideAddress(policy: AddressPolicy, { hostname, address }: { hostname: string; address: IpAddress }): AddressDecision {
  const { category, embedded } = classifyAddress(address);
  if (category === 'public') return { allowed: true };
  if (policy.allowedHosts.some((rule) => rule.kind === 'range' && inRange(address, rule.range))) return { allowed: true };
  const local = LOCAL_NETWORK_CATEGORIES.has(embedded?.category ?? category);
  if (local && (policy.allowPrivate || hostRuleMatches(policy.allowedHosts, hostname))) return { allowed: true };
  const ip = formatIp(address);
  const what = embedded === undefined ? CATEGORY_DESCRIPTIONS[category] : `${CATEGORY_DESCRIPTIONS[category]} (${embedded.address})`;
  const subject = stripBrackets(hostname) === ip ? ip : `${hostname} resolves to ${ip}, which`;
  const hint = local
    ? 'set HTTP_REQUEST_ALLOW_PRIVATE=true or list the host in HTTP_REQUEST_ALLOWED_HOSTS to allow it'
    : 'only an address range listed in HTTP_REQUEST_ALLOWED_HOSTS can allow it';
  return { allowed: false, category, message: `Refused: ${subject} is ${what} (${hint}).` };
}

function stripBrackets(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}
