import { classifyAddress, type AddressCategory } from './classify-address.js';
import { parseIp } from './ip-address.js';

function categoryOf(text: string): AddressCategory {
  const address = parseIp(text);
  if (address === undefined) throw new Error(`not an address: ${text}`);
  return classifyAddress(address).category;
}

describe('classifyAddress', () => {
  it.each([
    // IPv4
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['10.0.0.0', 'private'],
    ['10.255.255.255', 'private'],
    ['100.64.0.1', 'cgnat'],
    ['100.127.255.255', 'cgnat'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['169.254.0.1', 'link_local'],
    ['169.254.169.254', 'metadata'],
    ['169.254.170.2', 'metadata'],
    ['100.100.100.200', 'metadata'],
    ['168.63.129.16', 'metadata'],
    ['192.0.0.192', 'metadata'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['192.0.0.8', 'reserved'],
    ['192.0.2.10', 'documentation'],
    ['198.51.100.7', 'documentation'],
    ['203.0.113.1', 'documentation'],
    ['198.18.0.1', 'benchmarking'],
    ['198.19.255.255', 'benchmarking'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'broadcast'],
    // IPv6
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['::ffff:127.0.0.1', 'ipv4_mapped'],
    ['::ffff:7f00:1', 'ipv4_mapped'],
    ['::ffff:8.8.8.8', 'ipv4_mapped'],
    ['::127.0.0.1', 'reserved'],
    ['fc00::1', 'unique_local'],
    ['fd12:3456::1', 'unique_local'],
    ['fd00:ec2::254', 'metadata'],
    ['fe80::1', 'link_local'],
    ['fe80::1%eth0', 'link_local'],
    ['febf:ffff::1', 'link_local'],
    ['fec0::1', 'private'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'documentation'],
    ['3fff::1', 'documentation'],
    ['2001::1', 'reserved'],
    ['100::1', 'reserved'],
    ['64:ff9b:1::1', 'private'],
    ['4000::1', 'reserved'],
  ] as const)('%s is %s', (text, category) => {
    expect(categoryOf(text)).toBe(category);
  });

  it.each(['8.8.8.8', '1.1.1.1', '93.184.216.34', '100.63.255.255', '100.128.0.0', '172.15.255.255', '172.32.0.0', '169.253.255.255', '223.255.255.255', '2606:4700:4700::1111', '2a00:1450:4001:80b::200e', '[2001:4860:4860::8888]'])(
    '%s is public',
    (text) => {
      expect(categoryOf(text)).toBe('public');
    },
  );

  it('looks inside NAT64 and 6to4 addresses at the IPv4 address they lead to', () => {
    expect(classifyAddress(parseIp('64:ff9b::7f00:1')!)).toEqual({ category: 'ipv4_embedded', embedded: { address: '127.0.0.1', category: 'loopback' } });
    expect(classifyAddress(parseIp('64:ff9b::a9fe:a9fe')!)).toEqual({ category: 'ipv4_embedded', embedded: { address: '169.254.169.254', category: 'metadata' } });
    expect(classifyAddress(parseIp('2002:c0a8:0101::1')!)).toEqual({ category: 'ipv4_embedded', embedded: { address: '192.168.1.1', category: 'private' } });
    expect(categoryOf('64:ff9b::808:808')).toBe('public');
    expect(categoryOf('2002:0808:0808::1')).toBe('public');
  });
});

describe('parseIp', () => {
  it('reads only canonical addresses: the URL parser canonicalises other IPv4 spellings first', () => {
    for (const text of ['127.1', '0x7f.0.0.1', '0177.0.0.1', '2130706433', '1.2.3.4.5', '256.0.0.1', 'localhost', '', '::g', '1::2::3']) {
      expect(parseIp(text)).toBeUndefined();
    }
  });

  it('expands IPv6 shorthand, dotted tails and brackets to the same value', () => {
    const values = ['::ffff:127.0.0.1', '::ffff:7f00:1', '0:0:0:0:0:ffff:7f00:0001', '[::FFFF:7F00:1]'].map((text) => parseIp(text)?.value);
    expect(new Set(values).size).toBe(1);
    expect(values[0]).toBe(0xffff7f000001n);
  });
});
