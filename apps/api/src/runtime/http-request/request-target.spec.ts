import { formatIp } from './ip-address.js';
import { MAX_URL_LENGTH, parseRequestTarget } from './request-target.js';

function targetOf(raw: string): { hostname: string; literal: string | undefined } {
  const parsed = parseRequestTarget(raw);
  if (!parsed.ok) throw new Error(parsed.message);
  return { hostname: parsed.target.hostname, literal: parsed.target.literal === undefined ? undefined : formatIp(parsed.target.literal) };
}

function refusal(raw: string): string {
  const parsed = parseRequestTarget(raw);
  if (parsed.ok) throw new Error(`expected ${raw} to be refused`);
  return parsed.message;
}

describe('parseRequestTarget', () => {
  it('takes http and https URLs with any port', () => {
    expect(targetOf('https://api.example.com/orders?id=1')).toEqual({ hostname: 'api.example.com', literal: undefined });
    expect(targetOf('http://API.Example.com:8080/x')).toEqual({ hostname: 'api.example.com', literal: undefined });
    expect(parseRequestTarget('https://api.example.com:8443/x').ok).toBe(true);
  });

  // The WHATWG URL parser (the one browsers use) canonicalises every IPv4 spelling, so the
  // address check sees 127.0.0.1 however it was written; this pins that behaviour down.
  it.each([
    ['http://127.0.0.1/', '127.0.0.1'],
    ['http://127.1/', '127.0.0.1'],
    ['http://127.0.1/', '127.0.0.1'],
    ['http://2130706433/', '127.0.0.1'],
    ['http://0x7f000001/', '127.0.0.1'],
    ['http://0x7f.0.0.1/', '127.0.0.1'],
    ['http://0177.0.0.1/', '127.0.0.1'],
    ['http://017700000001/', '127.0.0.1'],
    ['http://0/', '0.0.0.0'],
    ['http://0.0.0.0:8080/', '0.0.0.0'],
    ['http://0xa9.0xfe.0xa9.0xfe/', '169.254.169.254'],
    ['http://2852039166/', '169.254.169.254'],
    ['http://１２７.０.０.１/', '127.0.0.1'],
    ['http://127.0.0.1./', '127.0.0.1'],
    ['http://[::1]/', '::1'],
    ['http://[0:0:0:0:0:0:0:1]/', '::1'],
    ['http://[::ffff:127.0.0.1]/', '::ffff:7f00:1'],
    ['http://[::ffff:a9fe:a9fe]/', '::ffff:a9fe:a9fe'],
    ['http://[fd00:ec2::254]/latest/meta-data/', 'fd00:ec2::254'],
  ])('reads the host of %s as the address %s', (raw, literal) => {
    expect(targetOf(raw).literal).toBe(literal);
  });

  it('leaves names that merely look numeric to DNS, whose answer is checked', () => {
    expect(targetOf('http://127.0.0.1.nip.io/')).toEqual({ hostname: '127.0.0.1.nip.io', literal: undefined });
    expect(targetOf('http://localhost:3000/')).toEqual({ hostname: 'localhost', literal: undefined });
  });

  it('refuses what is not a valid URL (including impossible IPv4 forms), without echoing it', () => {
    expect(refusal('not a url')).toBe('The URL is not valid: (not a URL, 9 characters). Write it in full, e.g. https://api.example.com/orders.');
    expect(refusal('http://1.2.3.4.5/')).toMatch(/^The URL is not valid/);
    expect(refusal('http://256.0.0.1/')).toMatch(/^The URL is not valid/);
    expect(refusal('http://0x100000000/')).toMatch(/^The URL is not valid/);
  });

  it.each(['ftp://example.com/file', 'file:///etc/passwd', 'gopher://127.0.0.1:6379/_INFO', 'javascript:alert(1)', 'data:text/plain,hi', 'ws://example.com/'])('refuses the scheme of %s', (raw) => {
    expect(refusal(raw)).toMatch(/^Only http and https URLs can be called, not /);
  });

  it('refuses credentials in the URL, and does not repeat them', () => {
    const message = refusal('https://admin:hunter2@api.example.com/');
    expect(message).toBe('User names and passwords in the URL are refused (https://REDACTED:REDACTED@api.example.com/): send credentials in a header such as Authorization.');
    expect(refusal('https://token@api.example.com/')).not.toContain('token@');
  });

  it('refuses URLs longer than the limit', () => {
    expect(refusal(`https://example.com/${'a'.repeat(MAX_URL_LENGTH)}`)).toBe(`The URL is longer than ${String(MAX_URL_LENGTH)} characters.`);
  });
});
