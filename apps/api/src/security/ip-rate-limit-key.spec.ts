import fc from 'fast-check';
import { ipRateLimitKey } from './ip-rate-limit-key.js';

/** Any code point, lone surrogates included (fast-check's `unit: 'binary'` costs ~1 s of setup). */
const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map((codePoint) => String.fromCodePoint(codePoint));

describe('ipRateLimitKey', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    [' 203.0.113.7 ', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['::FFFF:cb00:7107', '203.0.113.7'],
    ['2001:db8:85a3:1234:8a2e:370:7334:1', '2001:db8:85a3:1234::/64'],
    ['2001:DB8:85A3:1234::1', '2001:db8:85a3:1234::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['::', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['64:ff9b::192.0.2.33', '64:ff9b:0:0::/64'],
    ['unknown', 'unknown'],
    ['', ''],
  ])('%j -> %j', (ip, key) => {
    expect(ipRateLimitKey(ip)).toBe(key);
  });

  it('puts every address of one IPv6 /64 in one bucket, and neighbouring /64s apart', () => {
    const sameSubnet = ['2001:db8:1:2::1', '2001:db8:1:2:ffff:ffff:ffff:ffff', '2001:0db8:0001:0002:0:0:0:9'];
    expect(new Set(sameSubnet.map(ipRateLimitKey)).size).toBe(1);
    expect(ipRateLimitKey('2001:db8:1:3::1')).not.toBe(ipRateLimitKey('2001:db8:1:2::1'));
  });

  it('never throws, and keeps IPv4 addresses as they are', () => {
    fc.assert(fc.property(fc.string({ unit: anyCodePoint }), (ip) => void ipRateLimitKey(ip)));
    fc.assert(fc.property(fc.ipV4(), (ip) => expect(ipRateLimitKey(ip)).toBe(ip)));
    fc.assert(fc.property(fc.ipV6(), (ip) => expect(ipRateLimitKey(ip)).toMatch(/^([0-9a-f]{1,4}:){4}:\/64$|^[\d.]+$/)));
    expect(ipRateLimitKey(undefined as unknown as string)).toBe('');
  });
});
