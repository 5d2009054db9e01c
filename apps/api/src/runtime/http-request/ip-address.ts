import { isIPv4, isIPv6 } from 'node:net';

/** An IP address as a number: 32 bits for IPv4, 128 for IPv6. Comparable, maskable. */
export interface IpAddress {
  readonly family: 4 | 6;
  readonly value: bigint;
}

/** A CIDR range such as 10.0.0.0/8 or fc00::/7. */
export interface IpRange {
  readonly family: 4 | 6;
  readonly base: bigint;
  readonly prefix: number;
}

const BITS = { 4: 32, 6: 128 } as const;

/**
 * Parses an IP address in canonical text form: dotted-decimal IPv4 (exactly four decimal
 * parts, as the WHATWG URL parser and DNS answers give them) or IPv6 (brackets and a zone id
 * such as `%eth0` are dropped). Shorthands like `127.1` or `0x7f.0.0.1` are NOT addresses here:
 * the URL parser has already turned them into `127.0.0.1` before this is called.
 */
export function parseIp(text: string): IpAddress | undefined {
  const unbracketed = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const address = unbracketed.replace(/%.*$/, '');
  if (isIPv4(address)) return { family: 4, value: ipv4Value(address) };
  if (isIPv6(address)) return { family: 6, value: ipv6Value(address) };
  return undefined;
}

function ipv4Value(address: string): bigint {
  return address.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

function ipv6Value(address: string): bigint {
  let text = address.toLowerCase();
  // A trailing dotted quad (::ffff:1.2.3.4) stands for the last two groups.
  const quad = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (quad?.[1] !== undefined) {
    const v4 = ipv4Value(quad[1]);
    text = `${text.slice(0, quad.index)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...tailGroups];
  return groups.reduce((acc, group) => (acc << 16n) | BigInt(parseInt(group, 16)), 0n);
}

/** `a.b.c.d` or the compressed lowercase IPv6 form (RFC 5952), for messages and keys. */
export function formatIp({ family, value }: IpAddress): string {
  if (family === 4) return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join('.');
  const groups = [112n, 96n, 80n, 64n, 48n, 32n, 16n, 0n].map((shift) => Number((value >> shift) & 0xffffn));
  // The longest run of two or more zero groups becomes `::`.
  let bestStart = -1;
  let bestLength = 1;
  for (let start = 0; start < 8; start += 1) {
    let length = 0;
    while (start + length < 8 && groups[start + length] === 0) length += 1;
    if (length > bestLength) {
      bestStart = start;
      bestLength = length;
    }
  }
  const hex = groups.map((group) => group.toString(16));
  if (bestStart === -1) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

/** Parses `10.0.0.0/8`, `fd00::/8` or a single address (a /32 or /128 range). */
export function parseCidr(text: string): IpRange | { error: string } {
  const [addressText = '', prefixText, extra] = text.split('/');
  const address = parseIp(addressText);
  if (address === undefined || extra !== undefined) return { error: 'not an IP address or CIDR range' };
  const bits = BITS[address.family];
  if (prefixText === undefined) return { family: address.family, base: address.value, prefix: bits };
  const prefix = /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : Number.NaN;
  if (!(prefix >= 0 && prefix <= bits)) return { error: `the prefix length must be from 0 to ${String(bits)}` };
  const base = address.value & maskOf(address.family, prefix);
  if (base !== address.value) {
    return { error: `it has host bits set: did you mean ${formatIp({ family: address.family, value: base })}/${String(prefix)}?` };
  }
  return { family: address.family, base, prefix };
}

/** Builds a range from trusted text (the tables of this folder); throws on a typo. */
export function cidr(text: string): IpRange {
  const range = parseCidr(text);
  if ('error' in range) throw new Error(`bad CIDR ${text}: ${range.error}`);
  return range;
}

export function inRange(address: IpAddress, range: IpRange): boolean {
  return address.family === range.family && (address.value & maskOf(range.family, range.prefix)) === range.base;
}

function maskOf(family: 4 | 6, prefix: number): bigint {
  const bits = BigInt(BITS[family]);
  const all = (1n << bits) - 1n;
  return (all << (bits - BigInt(prefix))) & all;
}

/** The IPv4 address held in the low 32 bits of an IPv6 address (mapped, NAT64). */
export function lowIpv4(address: IpAddress): IpAddress {
  return { family: 4, value: address.value & 0xffffffffn };
}
