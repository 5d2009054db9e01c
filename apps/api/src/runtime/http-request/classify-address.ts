import { cidr, formatIp, inRange, lowIpv4, type IpAddress, type IpRange } from './ip-address.js';

/**
 * Why an address is not a public internet host. `metadata` comes before the range it sits in
 * (169.254.169.254 is link-local too) so refusals say what is at stake.
 */
export type AddressCategory =
  | 'public'
  | 'metadata'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'link_local'
  | 'unique_local'
  | 'cgnat'
  | 'multicast'
  | 'broadcast'
  | 'documentation'
  | 'benchmarking'
  | 'reserved'
  | 'ipv4_mapped'
  | 'ipv4_embedded';

export interface AddressClass {
  readonly category: AddressCategory;
  /** For `ipv4_embedded` (NAT64, 6to4): the IPv4 address inside and its own category. */
  readonly embedded?: { readonly address: string; readonly category: AddressCategory };
}

/** Cloud instance metadata services: they hand out credentials to whoever asks from inside. */
const METADATA: readonly IpRange[] = [
  '169.254.169.254', // AWS, GCP, Azure, DigitalOcean, OpenStack…
  '169.254.169.123', // AWS time sync
  '169.254.170.2', // AWS ECS task metadata and credentials
  '169.254.170.23', // AWS EKS pod identity
  '100.100.100.200', // Alibaba Cloud (inside CGNAT space)
  '168.63.129.16', // Azure WireServer (a public-looking address)
  '192.0.0.192', // Oracle Cloud
  'fd00:ec2::254', // AWS IPv6 metadata
  'fd00:ec2::23', // AWS EKS pod identity over IPv6
].map(cidr);

const IPV4_RANGES: ReadonlyArray<readonly [IpRange, AddressCategory]> = (
  [
    ['0.0.0.0/8', 'unspecified'], // "this network"; 0.0.0.0 reaches the local host on Linux
    ['10.0.0.0/8', 'private'],
    ['100.64.0.0/10', 'cgnat'],
    ['127.0.0.0/8', 'loopback'],
    ['169.254.0.0/16', 'link_local'],
    ['172.16.0.0/12', 'private'],
    ['192.0.0.0/24', 'reserved'], // IETF protocol assignments
    ['192.0.2.0/24', 'documentation'],
    ['192.88.99.0/24', 'reserved'], // former 6to4 relay anycast
    ['192.168.0.0/16', 'private'],
    ['198.18.0.0/15', 'benchmarking'],
    ['198.51.100.0/24', 'documentation'],
    ['203.0.113.0/24', 'documentation'],
    ['224.0.0.0/4', 'multicast'],
    ['255.255.255.255/32', 'broadcast'],
    ['240.0.0.0/4', 'reserved'],
  ] as const
).map(([range, category]) => [cidr(range), category] as const);

const IPV6_RANGES: ReadonlyArray<readonly [IpRange, AddressCategory]> = (
  [
    ['::/128', 'unspecified'],
    ['::1/128', 'loopback'],
    ['::ffff:0:0/96', 'ipv4_mapped'],
    ['::/96', 'reserved'], // deprecated IPv4-compatible addresses
    ['64:ff9b:1::/48', 'private'], // local-use NAT64
    ['100::/64', 'reserved'], // discard-only
    ['2001::/23', 'reserved'], // IETF protocol assignments: Teredo, benchmarking, ORCHID…
    ['2001:db8::/32', 'documentation'],
    ['3fff::/20', 'documentation'],
    ['fc00::/7', 'unique_local'],
    ['fe80::/10', 'link_local'],
    ['fec0::/10', 'private'], // deprecated site-local
    ['ff00::/8', 'multicast'],
  ] as const
).map(([range, category]) => [cidr(range), category] as const);

/** NAT64 and 6to4 carry an IPv4 address that the packet ends up at. */
const NAT64 = cidr('64:ff9b::/96');
const SIX_TO_FOUR = cidr('2002::/16');
/** Only 2000::/3 is global unicast today; everything else is reserved by IANA. */
const GLOBAL_UNICAST = cidr('2000::/3');

/**
 * Classifies an address by the IANA special-purpose registries (RFC 6890 and successors):
 * anything that is not plainly a public internet host gets a category saying why.
 */
export function classifyAddress(address: IpAddress): AddressClass {
  if (METADATA.some((range) => inRange(address, range))) return { category: 'metadata' };
  if (address.family === 4) {
    return { category: mostSpecific(IPV4_RANGES, address) ?? 'public' };
  }
  for (const carrier of [NAT64, SIX_TO_FOUR]) {
    if (!inRange(address, carrier)) continue;
    const inner: IpAddress = carrier === NAT64 ? lowIpv4(address) : { family: 4, value: (address.value >> 80n) & 0xffffffffn };
    const innerClass = classifyAddress(inner);
    if (innerClass.category === 'public') return { category: 'public' };
    return { category: 'ipv4_embedded', embedded: { address: formatIp(inner), category: innerClass.category } };
  }
  return { category: mostSpecific(IPV6_RANGES, address) ?? (inRange(address, GLOBAL_UNICAST) ? 'public' : 'reserved') };
}

/** The category of the narrowest listed range holding the address (255.255.255.255 before 240/4). */
function mostSpecific(table: ReadonlyArray<readonly [IpRange, AddressCategory]>, address: IpAddress): AddressCategory | undefined {
  let best: readonly [IpRange, AddressCategory] | undefined;
  for (const entry of table) {
    if (inRange(address, entry[0]) && (best === undefined || entry[0].prefix > best[0].prefix)) best = entry;
  }
  return best?.[1];
}

/** Words for messages: "a private address", "a cloud metadata address"… */
export const CATEGORY_DESCRIPTIONS: Readonly<Record<AddressCategory, string>> = {
  public: 'a public address',
  metadata: 'a cloud metadata address',
  unspecified: 'an unspecified address (0.0.0.0 or ::)',
  loopback: 'a loopback address',
  private: 'a private network address',
  link_local: 'a link-local address',
  unique_local: 'a unique-local IPv6 address',
  cgnat: 'a carrier-grade NAT address',
  multicast: 'a multicast address',
  broadcast: 'the broadcast address',
  documentation: 'a documentation address',
  benchmarking: 'a benchmarking address',
  reserved: 'a reserved address',
  ipv4_mapped: 'an IPv4-mapped IPv6 address',
  ipv4_embedded: 'an IPv6 address that carries a non-public IPv4 address',
};
