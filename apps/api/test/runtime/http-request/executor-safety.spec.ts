import { effect, makeExecutor, publicLookingHost, ScriptedResolver, startServer, WORKSPACE, type TestServer } from './http-test-kit.js';
import { SystemHostResolver } from '../../../src/runtime/http-request/host-resolver.js';

/**
 * "Private" is a server on 127.0.0.1, not allowed. "Public" is a server on a second loopback
 * address that the allow-list opens by address range, standing in for an internet host (the
 * tests need no internet); a scripted resolver gives names to both.
 */
describe('HttpRequestExecutor: what it refuses to reach', () => {
  let internal: TestServer;
  let publicHost: string;
  let shop: TestServer;
  let partner: TestServer;
  let env: Record<string, string>;

  beforeAll(async () => {
    publicHost = await publicLookingHost();
    internal = await startServer((_request, response) => response.end('{"secret":"internal"}'));
    partner = await startServer((_request, response) => response.end('{"partner":true}'), publicHost);
    shop = await startServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://x');
      const to = url.searchParams.get('to');
      const hops = Number(url.searchParams.get('hops') ?? '0');
      if (url.pathname === '/redirect' && to !== null) {
        response.statusCode = Number(url.searchParams.get('status') ?? '302');
        response.setHeader('location', to);
      } else if (url.pathname === '/chain') {
        response.statusCode = 302;
        response.setHeader('location', hops > 1 ? `/chain?hops=${String(hops - 1)}` : '/ok');
      } else if (url.pathname === '/loop') {
        response.statusCode = 302;
        response.setHeader('location', '/loop');
      }
      response.end('{"shop":true}');
    }, publicHost);
    env = { HTTP_REQUEST_ALLOWED_HOSTS: publicHost };
  });
  afterAll(async () => {
    await Promise.all([internal.close(), shop.close(), partner.close()]);
  });

  const resolver = (): ScriptedResolver =>
    new ScriptedResolver({ 'shop.test': [[publicHost]], 'partner.test': [[publicHost]], 'internal.test': [['127.0.0.1']], 'metadata.test': [['169.254.169.254']] });

  it.each([
    (s: TestServer) => s.origin,
    (s: TestServer) => `http://localhost:${String(s.port)}`,
    (s: TestServer) => `http://127.1:${String(s.port)}`,
    (s: TestServer) => `http://2130706433:${String(s.port)}`,
    (s: TestServer) => `http://0x7f.0.0.1:${String(s.port)}`,
    (s: TestServer) => `http://0177.0.0.1:${String(s.port)}`,
    (s: TestServer) => `http://0.0.0.0:${String(s.port)}`,
    (s: TestServer) => `http://[::ffff:127.0.0.1]:${String(s.port)}`,
    (s: TestServer) => `http://[::ffff:7f00:1]:${String(s.port)}`,
    (s: TestServer) => `http://[::1]:${String(s.port)}`,
  ])('refuses a private address however it is written (%#), before connecting', async (urlOf) => {
    // The system resolver: `localhost` is looked up for real and its answer refused.
    const { executor } = makeExecutor({ resolver: new SystemHostResolver() });
    const outcome = await executor.execute(effect({ url: `${urlOf(internal)}/` }), WORKSPACE);
    expect(outcome).toMatchObject({ ok: false, failure: { code: 'forbidden_address', errorClass: 'user', retryAdvisable: false, mayHaveReachedServer: false } });
    expect(outcome.error).toMatch(/^Refused: /);
    expect(internal.connections).toBe(0);
  });

  it('refuses metadata addresses by name and by address, even with private networks allowed', async () => {
    const { executor } = makeExecutor({ env: { HTTP_REQUEST_ALLOW_PRIVATE: 'true' }, resolver: resolver() });
    const byName = await executor.execute(effect({ url: 'http://metadata.test/latest/meta-data/' }), WORKSPACE);
    expect(byName.error).toBe('Refused: metadata.test resolves to 169.254.169.254, which is a cloud metadata address (only an address range listed in HTTP_REQUEST_ALLOWED_HOSTS can allow it).');
    const byAddress = await executor.execute(effect({ url: 'http://[fd00:ec2::254]/latest/meta-data/' }), WORKSPACE);
    expect(byAddress.failure?.code).toBe('forbidden_address');
  });

  it('reaches a private server when the configuration allows it: by address, by name, or all private networks', async () => {
    const allowances: Array<Record<string, string>> = [{ HTTP_REQUEST_ALLOWED_HOSTS: '127.0.0.0/8' }, { HTTP_REQUEST_ALLOWED_HOSTS: 'internal.test' }, { HTTP_REQUEST_ALLOW_PRIVATE: 'true' }];
    for (const allow of allowances) {
      const { executor } = makeExecutor({ env: allow, resolver: resolver() });
      const outcome = await executor.execute(effect({ url: `http://internal.test:${String(internal.port)}/` }), WORKSPACE);
      expect([allow, outcome.ok, outcome.body]).toEqual([allow, true, { secret: 'internal' }]);
    }
    expect(internal.seen).toHaveLength(3);
    internal.seen.length = 0;
    internal.connections = 0;
  });

  it('follows a redirect chain, checking each hop, and lists it in the log', async () => {
    const r = resolver();
    const { executor } = makeExecutor({ env, resolver: r });
    const outcome = await executor.execute(effect({ url: `http://shop.test:${String(shop.port)}/chain?hops=3` }), WORKSPACE);
    expect(outcome).toMatchObject({ ok: true, body: { shop: true } });
    expect(outcome.log.redirects.map((hop) => hop.location)).toEqual([
      `http://shop.test:${String(shop.port)}/chain?hops=2`,
      `http://shop.test:${String(shop.port)}/chain?hops=1`,
      `http://shop.test:${String(shop.port)}/ok`,
    ]);
    // One lookup per connection, and that lookup is the one checked: four hops, four lookups.
    expect(r.calls).toEqual(['shop.test', 'shop.test', 'shop.test', 'shop.test']);
  });

  it('refuses a redirect from a public host to a private one, by name or by address; the private server is never contacted', async () => {
    const { executor } = makeExecutor({ env, resolver: resolver() });
    for (const to of [`http://internal.test:${String(internal.port)}/admin`, `http://127.0.0.1:${String(internal.port)}/admin`, `http://[::ffff:127.0.0.1]:${String(internal.port)}/`]) {
      const outcome = await executor.execute(effect({ url: `http://shop.test:${String(shop.port)}/redirect?to=${encodeURIComponent(to)}` }), WORKSPACE);
      expect(outcome).toMatchObject({ ok: false, failure: { code: 'forbidden_address', errorClass: 'user', mayHaveReachedServer: true } });
      // The hop is in the log (where it was sent), and refused at its connection.
      expect(outcome.log.redirects).toHaveLength(1);
    }
    expect(internal.connections).toBe(0);
  });

  it('stops redirect loops after five hops', async () => {
    const { executor } = makeExecutor({ env, resolver: resolver() });
    const outcome = await executor.execute(effect({ url: `http://shop.test:${String(shop.port)}/loop` }), WORKSPACE);
    expect(outcome).toMatchObject({ error: 'Stopped after 5 redirects.', failure: { code: 'too_many_redirects', errorClass: 'user' } });
    expect(outcome.log.redirects).toHaveLength(5);
  });

  it('does not carry credentials to another origin on redirect', async () => {
    const { executor } = makeExecutor({ env, resolver: resolver() });
    const to = `http://partner.test:${String(partner.port)}/hook`;
    const outcome = await executor.execute(
      effect({ method: 'POST', url: `http://shop.test:${String(shop.port)}/redirect?status=307&to=${encodeURIComponent(to)}`, headers: { Authorization: 'Bearer s3cret', 'X-Order': '7' }, body: '{"a":1}' }),
      WORKSPACE,
    );
    expect(outcome).toMatchObject({ ok: true, body: { partner: true } });
    const received = partner.seen.at(-1);
    expect(received).toMatchObject({ method: 'POST', body: '{"a":1}', headers: { 'x-order': '7' } });
    expect(received?.headers.authorization).toBeUndefined();
  });

  it('defeats DNS rebinding: the address checked is the address connected to', async () => {
    // A private twin of the shop on the same port, so one URL can lead to either.
    const twin = await startServer((_request, response) => response.end('{"secret":"twin"}'), '127.0.0.1', shop.port);
    try {
      // A name that answers public first, then private (as a rebinding attacker's DNS does).
      const rebinding = new ScriptedResolver({ 'rebind.test': [[publicHost], ['127.0.0.1']] });
      const { executor } = makeExecutor({ env, resolver: rebinding });
      const url = `http://rebind.test:${String(shop.port)}/ok`;
      const first = await executor.execute(effect({ url }), WORKSPACE);
      expect(first).toMatchObject({ ok: true, body: { shop: true } });
      expect(first.log.address).toBe(publicHost);
      const second = await executor.execute(effect({ url }), WORKSPACE);
      expect(second).toMatchObject({ ok: false, failure: { code: 'forbidden_address', mayHaveReachedServer: false } });
      // One lookup per connection, the one that was checked; no connection pooling to reuse.
      expect(rebinding.calls).toEqual(['rebind.test', 'rebind.test']);
      expect(twin.connections).toBe(0);
    } finally {
      await twin.close();
    }
  });

  it('refuses a name whose answers mix public and private addresses, whichever comes first', async () => {
    const mixed = new ScriptedResolver({ 'mixed.test': [[publicHost, '127.0.0.1']], 'mixed2.test': [['127.0.0.1', publicHost]] });
    const { executor } = makeExecutor({ env, resolver: mixed });
    for (const name of ['mixed.test', 'mixed2.test']) {
      const outcome = await executor.execute(effect({ url: `http://${name}:${String(shop.port)}/ok` }), WORKSPACE);
      expect(outcome.failure?.code).toBe('forbidden_address');
    }
    expect(shop.seen.filter((request) => request.headers.host?.startsWith('mixed'))).toEqual([]);
    expect(internal.connections).toBe(0);
  });

  it('refuses credentials in the URL without contacting anyone', async () => {
    const before = shop.connections;
    const { executor } = makeExecutor({ env, resolver: resolver() });
    const outcome = await executor.execute(effect({ url: `http://admin:hunter2@shop.test:${String(shop.port)}/` }), WORKSPACE);
    expect(outcome).toMatchObject({ failure: { code: 'invalid_url', errorClass: 'user' } });
    expect(JSON.stringify(outcome)).not.toContain('hunter2');
    expect(shop.connections).toBe(before);
  });
});
