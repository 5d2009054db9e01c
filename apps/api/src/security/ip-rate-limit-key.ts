/**
 * The key under which a client address is rate limited.
 *
 * One IPv6 subscriber usually gets a whole /64 (2^64 addresses), so limiting single IPv6
 * addresses would let one attacker rotate through fresh ones forever. IPv6 addresses are
 * therefore grouped by their /64; IPv4 (also when IPv4-mapped, `::ffff:1.2.3.4`, as Node
 * reports it on dual-stack sockets) is limited per address.
 */
import { isIPv4, isIPv6 } from 'node:net';

/**
 * Returns `a.b.c.d` for IPv4, `xxxx:xxxx:xxxx:xxxx::/64` for IPv6 and, for anything else
 * (a missing or garbled address), the trimmed lower-cased text, so junk still shares a bucket.
 */
export function ipRateLimitKey(ip: string): string {
  const text = typeof ip === 'string' ? ip.trim().toLowerCase().slice(0, 100) : '';
  const address = text.split('%')[0] ?? ''; // drop an IPv6 zone id (fe80::1%eth0)
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return text;
  const groups = expandIPv6(address);
  const isV4Mapped = groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff;
  if (isV4Mapped) {
    const high = groups[6] ?? 0;
    const low = groups[7] ?? 0;
    return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')}::/64`;
}

/** The eight 16-bit groups of an address `isIPv6` accepted (with `::` and dotted tails). */
function expandIPv6(address: string): number[] {
  const [headText = '', tailText] = address.split('::');
  const head = toGroups(headText);
  const tail = tailText === undefined ? [] : toGroups(tailText);
  return [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
}

function toGroups(text: string): number[] {
  if (text === '') return [];
  return text.split(':').flatMap((part) => {
    if (!part.includes('.')) return [Number.parseInt(part, 16)];
    const [a = 0, b = 0, c = 0, d = 0] = part.split('.').map(Number);
    return [(a << 8) | b, (c << 8) | d];
  });
}
