import { readFileSync } from 'node:fs';
import https from 'node:https';
import net, { type AddressInfo, type Server as NetServer } from 'node:net';
import path from 'node:path';
import type { TLSSocket } from 'node:tls';
import { effect, makeExecutor, ScriptedResolver, startServer, WORKSPACE, type Kit, type TestServer } from './http-test-kit.js';

const FIXTURES = path.resolve(__dirname, '../../fixtures/tls');
const CERT = readFileSync(path.join(FIXTURES, 'test-server.crt'), 'utf8');
const KEY = readFileSync(path.join(FIXTURES, 'test-server.key'), 'utf8');
const ENV = { HTTP_REQUEST_ALLOWED_HOSTS: '127.0.0.1' };

describe('HttpRequestExecutor: https', () => {
  let server: https.Server;
  let port: number;
  const seen: Array<{ url: string; host: string | undefined; servername: string | false | null | undefined }> = [];
  let plain: TestServer;
  /** Accepts TCP connections and never speaks TLS: the handshake never completes. */
  let mute: NetServer;
  let trusted: Kit;

  beforeAll(async () => {
    plain = await startServer((_request, response) => response.end('plain'));
    server = https.createServer({ cert: CERT, key: KEY }, (request, response) => {
      seen.push({ url: request.url ?? '', host: request.headers.host, servername: (request.socket as TLSSocket).servername });
      if (request.url === '/downgrade') {
        response.statusCode = 302;
        response.setHeader('location', `http://shop.test:${String(plain.port)}/`);
        response.end();
      } else if (request.url === '/silent') {
        return;
      } else {
        response.setHeader('content-type', 'application/json');
        response.end('{"secure":true}');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    // Reads (and ignores) the ClientHello, so it sees the client hang up.
    mute = net.createServer((socket) => socket.resume());
    await new Promise<void>((resolve) => mute.listen(0, '127.0.0.1', resolve));
    trusted = makeExecutor({ env: ENV, resolver: new ScriptedResolver({ 'shop.test': [['127.0.0.1']] }), settings: { extraCaCertificates: [CERT] } });
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await new Promise((resolve) => mute.close(resolve));
    await plain.close();
  });

  it('connects to the checked address while verifying the certificate for the host name (SNI, Host)', async () => {
    const outcome = await trusted.executor.execute(effect({ url: `https://shop.test:${String(port)}/orders` }), WORKSPACE);
    expect(outcome).toMatchObject({ ok: true, body: { secure: true } });
    expect(seen.at(-1)).toEqual({ url: '/orders', host: `shop.test:${String(port)}`, servername: 'shop.test' });
  });

  it('refuses a certificate it cannot verify, before anything is sent', async () => {
    const untrusted = makeExecutor({ env: ENV, resolver: new ScriptedResolver({ 'shop.test': [['127.0.0.1']] }) });
    const before = seen.length;
    const outcome = await untrusted.executor.execute(effect({ method: 'POST', url: `https://shop.test:${String(port)}/orders`, body: '{}' }), WORKSPACE);
    expect(outcome).toMatchObject({ ok: false, failure: { code: 'tls_failed', errorClass: 'user', mayHaveReachedServer: false } });
    expect(outcome.error).toMatch(/^The TLS connection to shop\.test failed: .*SELF_SIGNED/);
    expect(seen.length).toBe(before);
  });

  it('refuses a redirect from https down to http; the http server is never contacted', async () => {
    const outcome = await trusted.executor.execute(effect({ url: `https://shop.test:${String(port)}/downgrade` }), WORKSPACE);
    expect(outcome).toMatchObject({
      error: `Refused a redirect from https to plain http (http://shop.test:${String(plain.port)}/).`,
      failure: { code: 'insecure_redirect', errorClass: 'user' },
    });
    expect(plain.connections).toBe(0);
  });

  it('counts a POST as sent only once the TLS handshake is done, and hangs up at the deadline', async () => {
    const afterHandshake = await trusted.executor.execute(effect({ method: 'POST', url: `https://shop.test:${String(port)}/silent`, body: '{}', timeoutMs: 300 }), WORKSPACE);
    expect(afterHandshake.failure).toMatchObject({ code: 'timeout', mayHaveReachedServer: true, retryAdvisable: false });
    const mutePort = (mute.address() as AddressInfo).port;
    const duringHandshake = await trusted.executor.execute(effect({ method: 'POST', url: `https://shop.test:${String(mutePort)}/orders`, body: '{}', timeoutMs: 300 }), WORKSPACE);
    expect(duringHandshake.failure).toMatchObject({ code: 'timeout', mayHaveReachedServer: false, retryAdvisable: true });
    // The aborted connection is closed, not left to the server (afterAll would wait on it).
    await waitFor(async () => (await new Promise<number>((resolve) => mute.getConnections((_error, count) => resolve(count)))) === 0);
  });
});

async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  const until = Date.now() + 5000;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error('condition not met in 5 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
