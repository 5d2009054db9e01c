import { buildRequestHeaders, MAX_HEADER_COUNT } from './request-headers.js';

const UA = 'Jornada/1.2.3';

function build(headers: Record<string, string>, body?: string): Record<string, string> {
  const result = buildRequestHeaders({ headers, body, userAgent: UA });
  if (!result.ok) throw new Error(result.message);
  return result.headers;
}

describe('buildRequestHeaders', () => {
  it('adds User-Agent, Accept and Accept-Encoding by default', () => {
    expect(build({})).toEqual({ 'user-agent': UA, accept: 'application/json, text/plain;q=0.9, */*;q=0.8', 'accept-encoding': 'gzip, deflate, br' });
  });

  it("keeps the flow's own headers, lowercased, and its User-Agent and Accept over the defaults", () => {
    expect(build({ Authorization: 'Bearer abc', 'X-Shop': ' 42 ', 'User-Agent': 'MyShop/1', Accept: 'text/csv' })).toEqual({
      authorization: 'Bearer abc',
      'x-shop': '42',
      'user-agent': 'MyShop/1',
      accept: 'text/csv',
      'accept-encoding': 'gzip, deflate, br',
    });
  });

  it('strips Host overrides a reverse proxy would obey', () => {
    const result = buildRequestHeaders({
      headers: { 'X-Forwarded-Host': 'admin.internal', Forwarded: 'host=admin.internal', 'X-Host': 'a', 'X-Original-Host': 'a', 'X-HTTP-Host-Override': 'a', 'X-Original-URL': '/admin', 'X-Rewrite-URL': '/admin', 'X-Forwarded-Server': 'a' },
      body: undefined,
      userAgent: UA,
    });
    expect(result.ok && Object.keys(result.headers)).toEqual(['user-agent', 'accept', 'accept-encoding']);
    expect(result.ok && result.dropped).toHaveLength(8);
  });

  it('strips hop-by-hop headers, Host, Content-Length, Expect and Accept-Encoding, and says which', () => {
    const result = buildRequestHeaders({
      headers: { Host: 'internal.example', Connection: 'keep-alive, X-Secret', 'Keep-Alive': '5', 'Transfer-Encoding': 'chunked', TE: 'trailers', Trailer: 'x', Upgrade: 'websocket', 'Proxy-Authorization': 'Basic x', 'Content-Length': '999', Expect: '100-continue', 'Accept-Encoding': 'zstd', 'X-Kept': '1' },
      body: undefined,
      userAgent: UA,
    });
    expect(result).toEqual({
      ok: true,
      headers: { 'x-kept': '1', 'user-agent': UA, accept: 'application/json, text/plain;q=0.9, */*;q=0.8', 'accept-encoding': 'gzip, deflate, br' },
      dropped: ['host', 'connection', 'keep-alive', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'proxy-authorization', 'content-length', 'expect', 'accept-encoding'],
    });
  });

  it('gives a body a Content-Type unless the flow did: JSON when it parses as JSON', () => {
    expect(build({}, '{"a":1}')['content-type']).toBe('application/json');
    expect(build({}, ' [1,2]')['content-type']).toBe('application/json');
    expect(build({}, '{not json')['content-type']).toBe('text/plain; charset=utf-8');
    expect(build({}, 'a=1&b=2')['content-type']).toBe('text/plain; charset=utf-8');
    expect(build({ 'Content-Type': 'application/x-www-form-urlencoded' }, 'a=1')['content-type']).toBe('application/x-www-form-urlencoded');
  });

  it('refuses header injection, bad names and oversized headers', () => {
    const refuse = (headers: Record<string, string>): string => {
      const result = buildRequestHeaders({ headers, body: undefined, userAgent: UA });
      return result.ok ? 'accepted' : result.message;
    };
    expect(refuse({ 'X-A': 'ok\r\nHost: evil' })).toBe('The value of the header X-A has line breaks, control characters or characters outside Latin-1.');
    expect(refuse({ 'X-A': 'a\u0000b' })).toMatch(/control characters/);
    expect(refuse({ 'X-A': 'emoji 🎉' })).toMatch(/outside Latin-1/);
    expect(refuse({ 'X-A': 'Olá, São Paulo' })).toBe('accepted');
    expect(refuse({ 'Bad Name': 'x' })).toBe('The header name "Bad Name" is not valid.');
    expect(refuse({ ':authority': 'x' })).toBe('The header name ":authority" is not valid.');
    expect(refuse({ 'X-Big': 'x'.repeat(9000) })).toBe('The value of the header X-Big is larger than 8192 bytes.');
    expect(refuse(Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`x-${String(i)}`, 'y'.repeat(8000)])))).toBe('The headers are larger than 32768 bytes in total.');
    expect(refuse(Object.fromEntries(Array.from({ length: MAX_HEADER_COUNT + 1 }, (_, i) => [`x-${String(i)}`, 'y'])))).toBe(`Too many headers: ${String(MAX_HEADER_COUNT + 1)} (at most ${String(MAX_HEADER_COUNT)}).`);
  });
});
