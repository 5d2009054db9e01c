import { decideAddress, DENY_PRIVATE, type AddressPolicy } from './address-policy.js';
import { parseAllowedHosts, type AllowedHostRule } from './allowed-hosts.js';
import { formatIp, parseCidr, parseIp } from './ip-address.js';

function rules(text: string): readonly AllowedHostRule[] {
  const parsed = parseAllowedHosts(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.rules;
}

function allowed(policy: AddressPolicy, hostname: string, ip: string): boolean {
  return decideAddress(policy, { hostname, address: parseIp(ip)! }).allowed;
}

describe('decideAddress', () => {
  it('allows public addresses and refuses every non-public one by default', () => {
    expect(allowed(DENY_PRIVATE, 'api.example.com', '93.184.216.34')).toBe(true);
    for (const ip of ['127.0.0.1', '10.1.2.3', '169.254.169.254', '0.0.0.0', '::1', 'fd00::1', '::ffff:10.0.0.1', '100.64.0.1', '224.0.0.1']) {
      expect(allowed(DENY_PRIVATE, 'api.example.com', ip)).toBe(false);
    }
  });

  it('says what the address is and how to allow it, without guessing the category', () => {
    const decision = decideAddress(DENY_PRIVATE, { hostname: 'shop.internal', address: parseIp('10.0.0.5')! });
    expect(decision).toEqual({
      allowed: false,
      category: 'private',
      message: 'Refused: shop.internal resolves to 10.0.0.5, which is a private network address (set HTTP_REQUEST_ALLOW_PRIVATE=true or list the host in HTTP_REQUEST_ALLOWED_HOSTS to allow it).',
    });
    const literal = decideAddress(DENY_PRIVATE, { hostname: '169.254.169.254', address: parseIp('169.254.169.254')! });
    expect(literal).toMatchObject({ category: 'metadata', message: 'Refused: 169.254.169.254 is a cloud metadata address (only an address range listed in HTTP_REQUEST_ALLOWED_HOSTS can allow it).' });
  });

  it('HTTP_REQUEST_ALLOW_PRIVATE opens local networks, never metadata, unspecified, multicast or mapped addresses', () => {
    const policy: AddressPolicy = { allowPrivate: true, allowedHosts: [] };
    for (const ip of ['127.0.0.1', '10.1.2.3', '192.168.0.10', '172.20.0.2', '100.64.0.1', '169.254.10.10', '::1', 'fd00::1', 'fe80::1', '64:ff9b::a00:1']) {
      expect([ip, allowed(policy, 'store.local', ip)]).toEqual([ip, true]);
    }
    for (const ip of ['169.254.169.254', 'fd00:ec2::254', '100.100.100.200', '0.0.0.0', '::', '224.0.0.1', '255.255.255.255', '::ffff:127.0.0.1', '240.0.0.1']) {
      expect([ip, allowed(policy, 'store.local', ip)]).toEqual([ip, false]);
    }
  });

  it('a host name entry opens local networks for that name (and *.domain for names under it) only', () => {
    const policy: AddressPolicy = { allowPrivate: false, allowedHosts: rules('store.local, *.shop.internal') };
    expect(allowed(policy, 'store.local', '192.168.0.10')).toBe(true);
    expect(allowed(policy, 'store.local.', '192.168.0.10')).toBe(true);
    expect(allowed(policy, 'api.shop.internal', '10.0.0.1')).toBe(true);
    expect(allowed(policy, 'shop.internal', '10.0.0.1')).toBe(false);
    expect(allowed(policy, 'other.local', '192.168.0.10')).toBe(false);
    expect(allowed(policy, 'store.local', '169.254.169.254')).toBe(false);
  });

  it('an address range opens exactly its addresses, whatever the host name, metadata included when written out', () => {
    const policy: AddressPolicy = { allowPrivate: false, allowedHosts: rules('10.1.0.0/16, 169.254.169.254, fd00::/8') };
    expect(allowed(policy, 'anything.example', '10.1.200.3')).toBe(true);
    expect(allowed(policy, 'anything.example', '10.2.0.1')).toBe(false);
    expect(allowed(policy, 'anything.example', '169.254.169.254')).toBe(true);
    expect(allowed(policy, 'anything.example', 'fd12::1')).toBe(true);
    expect(allowed(policy, 'anything.example', '::ffff:10.1.0.1')).toBe(false);
  });
});

describe('parseAllowedHosts', () => {
  it('reads host names, wildcards, addresses and ranges, normalised', () => {
    expect(parseAllowedHosts(' Store.Local. , *.Shop.Internal,10.0.0.0/8, 127.0.0.1 ,[::1], fd00::/8,').ok).toBe(true);
    const parsed = rules('Store.Local., *.Shop.Internal, 127.0.0.1, ::1');
    expect(parsed.slice(0, 2)).toEqual([
      { kind: 'host', host: 'store.local' },
      { kind: 'domain', domain: 'shop.internal' },
    ]);
    expect(parsed.slice(2).map((rule) => (rule.kind === 'range' ? `${formatIp({ family: rule.range.family, value: rule.range.base })}/${String(rule.range.prefix)}` : rule.kind))).toEqual(['127.0.0.1/32', '::1/128']);
    expect(rules('')).toEqual([]);
  });

  it.each([
    ['10.0.0.1/8', 'it has host bits set: did you mean 10.0.0.0/8?'],
    ['10.0.0.0/33', 'the prefix length must be from 0 to 32'],
    ['300.1.1.1', 'not an IP address or CIDR range'],
    ['fd00::/129', 'the prefix length must be from 0 to 128'],
    ['http://store.local', 'not an IP address or CIDR range'],
    ['store local', 'not a host name, *.domain, IP address or CIDR range'],
    ['*.*.local', 'not a host name, *.domain, IP address or CIDR range'],
    ['user@store.local', 'not a host name, *.domain, IP address or CIDR range'],
  ])('refuses %j: %s', (entry, reason) => {
    expect(parseAllowedHosts(`store.local,${entry}`)).toEqual({ ok: false, entry, reason });
  });
});

describe('parseCidr', () => {
  it('accepts /0 and full-length prefixes', () => {
    expect(parseCidr('0.0.0.0/0')).toEqual({ family: 4, base: 0n, prefix: 0 });
    expect(parseCidr('::/0')).toEqual({ family: 6, base: 0n, prefix: 0 });
    expect(parseCidr('1.2.3.4/32')).toEqual({ family: 4, base: 0x01020304n, prefix: 32 });
  });
});
