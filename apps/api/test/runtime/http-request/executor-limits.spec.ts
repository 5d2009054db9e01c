import { gzipSync } from 'node:zlib';
import { HostResolver, type ResolvedAddress } from '../../../src/runtime/http-request/host-resolver.js';
import { effect, makeExecutor, startServer, WORKSPACE, type Kit, type TestServer } from './http-test-kit.js';

const ENV = { HTTP_REQUEST_ALLOWED_HOSTS: '127.0.0.1', HTTP_REQUEST_MAX_RESPONSE: '1kb' };
const DRIP_CHUNK = 200;
const DRIP_CHUNKS = 50;

describe('HttpRequestExecutor: limits', () => {
  let server: TestServer;
  let kit: Kit;
  /** How much each drip response managed to write before its connection closed. */
  const dripped: number[] = [];
  let bigBodyClosedEarly: Promise<boolean>;

  beforeAll(async () => {
    let resolveBig: (early: boolean) => void = () => undefined;
    bigBodyClosedEarly = new Promise((resolve) => (resolveBig = resolve));
    server = await startServer((request, response) => {
      switch (request.url) {
        case '/silent':
          return; // never answers
        case '/drip': {
          // 200 bytes every 20 ms, 10 kB in all: past the 1 kB limit after six chunks.
          let sent = 0;
          response.setHeader('content-type', 'text/plain');
          const timer = setInterval(() => {
            if (sent >= DRIP_CHUNKS || response.destroyed) {
              clearInterval(timer);
              dripped.push(sent);
              response.end();
              return;
            }
            response.write('x'.repeat(DRIP_CHUNK));
            sent += 1;
          }, 20);
          return;
        }
        case '/trickle': {
          // Under the limit but never finished: only the deadline stops it.
          response.setHeader('content-type', 'text/plain');
          const timer = setInterval(() => (response.destroyed ? clearInterval(timer) : response.write('.')), 50);
          return;
        }
        case '/announced-big': {
          response.setHeader('content-length', String(5 * 1024 * 1024));
          response.flushHeaders();
          // The executor must hang up on the headers alone: the body never has to be sent.
          const timer = setTimeout(() => resolveBig(false), 1000);
          response.on('close', () => {
            clearTimeout(timer);
            resolveBig(true);
          });
          return;
        }
        case '/chunked-big':
          // write() before end(): chunked, no Content-Length to refuse it by.
          response.write('y'.repeat(64 * 1024));
          response.end();
          return;
        case '/gzip-bomb':
          response.setHeader('content-encoding', 'gzip');
          response.end(gzipSync(Buffer.alloc(10 * 1024 * 1024)));
          return;
        default:
          response.end('ok');
      }
    });
    kit = makeExecutor({ env: ENV });
  });
  afterAll(() => server.close());

  it('stops at the deadline when the server never answers: transient, sent, so a GET is retried and a POST is not', async () => {
    const started = Date.now();
    const get = await kit.executor.execute(effect({ url: `${server.origin}/silent`, timeoutMs: 300 }), WORKSPACE);
    expect(Date.now() - started).toBeLessThan(4000); // bounded by the deadline, with room for a loaded machine
    expect(get).toMatchObject({
      ok: false,
      error: 'No complete answer within 300 ms (the request was sent, so it may have been processed).',
      failure: { code: 'timeout', errorClass: 'transient', retryAdvisable: true, mayHaveReachedServer: true },
    });
    const post = await kit.executor.execute(effect({ method: 'POST', url: `${server.origin}/silent`, body: '{"order":1}', timeoutMs: 300 }), WORKSPACE);
    expect(post.failure).toMatchObject({ code: 'timeout', retryAdvisable: false, mayHaveReachedServer: true });
  });

  it('counts DNS in the deadline, and a POST that never connected may be retried', async () => {
    class HangingResolver extends HostResolver {
      resolve(): Promise<readonly ResolvedAddress[]> {
        return new Promise(() => undefined);
      }
    }
    const hanging = makeExecutor({ env: ENV, resolver: new HangingResolver() });
    const outcome = await hanging.executor.execute(effect({ method: 'POST', url: 'https://slow-dns.test/orders', body: '{}', timeoutMs: 200 }), WORKSPACE);
    expect(outcome).toMatchObject({
      error: 'No complete answer within 200 ms (no connection was made).',
      failure: { code: 'timeout', errorClass: 'transient', retryAdvisable: true, mayHaveReachedServer: false },
    });
  });

  it('stops a body that trickles forever at the deadline', async () => {
    const outcome = await kit.executor.execute(effect({ url: `${server.origin}/trickle`, timeoutMs: 400 }), WORKSPACE);
    expect(outcome.failure).toMatchObject({ code: 'timeout', mayHaveReachedServer: true });
  });

  it('aborts a slow drip as soon as it passes the size limit, without waiting for the rest', async () => {
    const outcome = await kit.executor.execute(effect({ url: `${server.origin}/drip`, timeoutMs: 10_000 }), WORKSPACE);
    expect(outcome).toMatchObject({
      ok: false,
      error: 'The response is larger than the limit of 1024 bytes.',
      failure: { code: 'response_too_large', errorClass: 'user', retryAdvisable: false },
    });
    await waitFor(() => dripped.length === 1);
    // Six chunks pass 1 kB; the connection was closed long before the 50th.
    expect(dripped[0]).toBeLessThan(15);
  });

  it('refuses a body announced larger than the limit on its headers, and hangs up', async () => {
    const outcome = await kit.executor.execute(effect({ url: `${server.origin}/announced-big` }), WORKSPACE);
    expect(outcome).toMatchObject({ error: 'The response announced 5242880 bytes, more than the limit of 1024 bytes.', failure: { code: 'response_too_large' } });
    expect(await bigBodyClosedEarly).toBe(true);
  });

  it('refuses a large body sent at once without a length, and a compression bomb by its decoded size', async () => {
    const big = await kit.executor.execute(effect({ url: `${server.origin}/chunked-big` }), WORKSPACE);
    expect(big).toMatchObject({ error: 'The response is larger than the limit of 1024 bytes.', failure: { code: 'response_too_large' } });
    // 10 MB of zeros gzip to about 10 kB: under a 64 kB limit on the wire, far over it decoded.
    const roomy = makeExecutor({ env: { ...ENV, HTTP_REQUEST_MAX_RESPONSE: '64kb' } });
    const bomb = await roomy.executor.execute(effect({ url: `${server.origin}/gzip-bomb` }), WORKSPACE);
    expect(bomb).toMatchObject({ error: 'The response is larger than the limit of 65536 bytes.', failure: { code: 'response_too_large' } });
  });

  it('refuses a request body over the limit before connecting', async () => {
    const before = server.connections;
    const outcome = await kit.executor.execute(effect({ method: 'POST', url: `${server.origin}/x`, body: 'z'.repeat(256 * 1024 + 1) }), WORKSPACE);
    expect(outcome).toMatchObject({ failure: { code: 'request_too_large', errorClass: 'user', mayHaveReachedServer: false } });
    expect(server.connections).toBe(before);
  });

  it('clamps a timeout outside the schema bounds (a stored payload is not trusted)', async () => {
    const outcome = await kit.executor.execute(effect({ url: `${server.origin}/silent`, timeoutMs: 1 }), WORKSPACE);
    // Clamped to the 100 ms floor; whether the connection was made by then depends on the machine's load.
    expect(outcome.error).toMatch(/^No complete answer within 100 ms \((the request was sent, so it may have been processed|no connection was made)\)\.$/);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  const until = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in 5 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
