import { gzipSync } from 'node:zlib';
import { parseFlow, start, step, type FlowDocument, type SessionContext } from '@jornada/flow-engine';
import { API_VERSION } from '../../../src/app/version.js';
import { toEffectResultEvent } from '../../../src/runtime/http-request/effect-result-event.js';
import { effect, makeExecutor, ScriptedResolver, startServer, WORKSPACE, type Kit, type TestServer } from './http-test-kit.js';

// The servers run on 127.0.0.1: the allow-list lets these tests reach them, as a shop would
// allow its own local store (executor-safety.spec.ts proves they are refused without it).
const ENV = { HTTP_REQUEST_ALLOWED_HOSTS: '127.0.0.1' };

describe('HttpRequestExecutor: answers', () => {
  let server: TestServer;
  let kit: Kit;

  beforeAll(async () => {
    server = await startServer((request, response) => {
      const path = request.url ?? '';
      if (path.startsWith('/json')) {
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ order: { id: 7, status: 'shipped' }, echo: request.body }));
      } else if (path === '/text') {
        response.setHeader('content-type', 'text/plain; charset=utf-8');
        response.end('Pedido enviado ✓');
      } else if (path === '/gzip') {
        response.setHeader('content-type', 'application/json');
        response.setHeader('content-encoding', 'gzip');
        response.end(gzipSync(JSON.stringify({ compressed: true })));
      } else if (path === '/empty') {
        response.statusCode = 204;
        response.end();
      } else if (path === '/not-found') {
        response.statusCode = 404;
        response.setHeader('content-type', 'application/json');
        response.end('{"error":"no such order"}');
      } else if (path === '/boom') {
        response.statusCode = 500;
        response.end('oops');
      } else if (path === '/busy') {
        response.statusCode = 429;
        response.setHeader('retry-after', '7');
        response.end();
      } else {
        response.statusCode = 418;
        response.end();
      }
    });
    kit = makeExecutor({ env: ENV, resolver: new ScriptedResolver({ 'store.test': [['127.0.0.1']] }) });
  });
  afterAll(() => server.close());

  it('returns a JSON answer parsed, with what the engine needs and a log of the call', async () => {
    const outcome = await kit.executor.execute(effect({ url: `${server.origin}/json?id=7` }), WORKSPACE);
    expect(outcome).toMatchObject({ ok: true, status: 200, body: { order: { id: 7, status: 'shipped' }, echo: '' } });
    expect(outcome.failure).toBeUndefined();
    expect(outcome.error).toBeUndefined();
    expect(outcome.log).toMatchObject({ method: 'GET', url: `${server.origin}/json?id=7`, status: 200, address: '127.0.0.1', responseKind: 'json', redirects: [] });
    expect(outcome.log.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('sends the default User-Agent and Accept, and never the flow’s Host or hop-by-hop headers', async () => {
    await kit.executor.execute(effect({ url: `${server.origin}/json`, headers: { Host: 'internal.example', Connection: 'upgrade', 'Transfer-Encoding': 'chunked', 'X-Order': '7' } }), WORKSPACE);
    const seen = server.seen.at(-1);
    expect(seen?.headers).toMatchObject({ host: `127.0.0.1:${String(server.port)}`, 'user-agent': `Jornada/${API_VERSION}`, accept: 'application/json, text/plain;q=0.9, */*;q=0.8', 'x-order': '7' });
    expect(seen?.headers['transfer-encoding']).toBeUndefined();
    expect(seen?.headers.connection).not.toBe('upgrade');
  });

  it('sends a POST body with its Content-Type and length, resolving the host name through the checked lookup', async () => {
    const outcome = await kit.executor.execute(effect({ method: 'POST', url: `http://store.test:${String(server.port)}/json`, body: '{"cart":"abc"}' }), WORKSPACE);
    expect(outcome).toMatchObject({ ok: true, status: 200, body: { echo: '{"cart":"abc"}' } });
    expect(server.seen.at(-1)).toMatchObject({ method: 'POST', headers: { 'content-type': 'application/json', 'content-length': '14', host: `store.test:${String(server.port)}` } });
  });

  it('returns text as text, decodes gzip, and has no body for 204', async () => {
    expect(await kit.executor.execute(effect({ url: `${server.origin}/text` }), WORKSPACE)).toMatchObject({ ok: true, body: 'Pedido enviado ✓' });
    expect(await kit.executor.execute(effect({ url: `${server.origin}/gzip` }), WORKSPACE)).toMatchObject({ ok: true, body: { compressed: true } });
    const empty = await kit.executor.execute(effect({ url: `${server.origin}/empty` }), WORKSPACE);
    expect(empty).toMatchObject({ ok: true, status: 204 });
    expect('body' in empty).toBe(false);
  });

  it('makes a 4xx a final failure with its status and body (the flow takes its error branch)', async () => {
    const outcome = await kit.executor.execute(effect({ url: `${server.origin}/not-found` }), WORKSPACE);
    expect(outcome).toMatchObject({
      ok: false,
      status: 404,
      body: { error: 'no such order' },
      error: 'HTTP 404 Not Found',
      failure: { code: 'http_status', errorClass: 'user', retryAdvisable: false, mayHaveReachedServer: true },
    });
  });

  it('makes a 5xx transient: retried for GET, not for a POST that may have been processed', async () => {
    const get = await kit.executor.execute(effect({ url: `${server.origin}/boom` }), WORKSPACE);
    expect(get).toMatchObject({ ok: false, status: 500, body: 'oops', failure: { errorClass: 'transient', retryAdvisable: true, mayHaveReachedServer: true } });
    const post = await kit.executor.execute(effect({ method: 'POST', url: `${server.origin}/boom`, body: 'x' }), WORKSPACE);
    expect(post.failure).toMatchObject({ errorClass: 'transient', retryAdvisable: false, mayHaveReachedServer: true });
    const keyed = await kit.executor.execute(effect({ method: 'POST', url: `${server.origin}/boom`, body: 'x', headers: { 'Idempotency-Key': 'sess:1' } }), WORKSPACE);
    expect(keyed.failure?.retryAdvisable).toBe(true);
  });

  it('makes a 429 transient and safe to retry even for POST, with its Retry-After', async () => {
    const outcome = await kit.executor.execute(effect({ method: 'POST', url: `${server.origin}/busy`, body: 'x' }), WORKSPACE);
    expect(outcome.failure).toEqual({ code: 'http_status', errorClass: 'transient', retryAdvisable: true, mayHaveReachedServer: true, retryAfterMs: 7000 });
  });

  it('reports a refused connection as transient and not sent, so even a POST may be retried', async () => {
    const closed = await startServer(() => undefined);
    await closed.close();
    const outcome = await kit.executor.execute(effect({ method: 'POST', url: `${closed.origin}/orders`, body: '{}' }), WORKSPACE);
    expect(outcome).toMatchObject({ ok: false, failure: { code: 'connect_failed', errorClass: 'transient', retryAdvisable: true, mayHaveReachedServer: false } });
    expect(outcome.error).toMatch(/^Could not connect to 127\.0\.0\.1: .*ECONNREFUSED/);
  });

  it('reports an unknown host as a final DNS failure', async () => {
    const outcome = await kit.executor.execute(effect({ url: 'https://no-such-store.test/orders' }), WORKSPACE);
    expect(outcome).toMatchObject({ ok: false, error: 'Could not resolve no-such-store.test (ENOTFOUND).', failure: { code: 'dns_failure', errorClass: 'user', mayHaveReachedServer: false } });
  });

  it('refuses what is not a request: bad URL, other schemes, unknown methods', async () => {
    expect((await kit.executor.execute(effect({ url: 'orders' }), WORKSPACE)).failure).toMatchObject({ code: 'invalid_url', errorClass: 'user' });
    expect((await kit.executor.execute(effect({ url: 'ftp://store.test/x' }), WORKSPACE)).failure).toMatchObject({ code: 'invalid_url', errorClass: 'user' });
    expect((await kit.executor.execute(effect({ url: `${server.origin}/json`, method: 'TRACE' }), WORKSPACE)).failure).toMatchObject({ code: 'invalid_request', errorClass: 'system' });
  });

  it('never writes a credential to its logs or to the outcome', async () => {
    const outcome = await kit.executor.execute(
      effect({ url: `${server.origin}/json?access_token=tok-123&id=7`, headers: { Authorization: 'Bearer sk_live_abc', 'X-Api-Key': 'key-456' } }),
      WORKSPACE,
    );
    expect(outcome.ok).toBe(true);
    expect(server.seen.at(-1)?.headers).toMatchObject({ authorization: 'Bearer sk_live_abc', 'x-api-key': 'key-456' });
    expect(outcome.log.requestHeaders).toMatchObject({ authorization: '[redacted]', 'x-api-key': '[redacted]' });
    expect(outcome.log.url).toBe(`${server.origin}/json?access_token=REDACTED&id=7`);
    const written = JSON.stringify(outcome) + kit.logText();
    for (const secret of ['sk_live_abc', 'key-456', 'tok-123']) expect(written).not.toContain(secret);
    expect(kit.logText()).toContain('"effectId"');
  });

  it('gives the engine exactly the event it waits for: mapped variables on success, the error branch on 4xx', async () => {
    const flow = parseFlowOrThrow({
      schemaVersion: 1,
      name: 'lookup',
      triggers: [{ id: 'go', type: 'manual' }],
      variables: [{ name: 'status', type: 'text' }, { name: 'code', type: 'number' }],
      nodes: [
        { id: 'http', type: 'http_request', data: { method: 'GET', url: `${server.origin}/{{path}}`, responseMapping: [{ variable: 'status', path: 'data.order.status' }, { variable: 'code', path: 'status' }] } },
        { id: 'ok', type: 'end', data: {} },
        { id: 'failed', type: 'end', data: {} },
      ],
      edges: [
        { id: 'e0', source: 'go', sourceHandle: 'next', target: 'http' },
        { id: 'e1', source: 'http', sourceHandle: 'success', target: 'ok' },
        { id: 'e2', source: 'http', sourceHandle: 'error', target: 'failed' },
      ],
    });
    const context: SessionContext = { sessionId: 's1', flowId: 'f', flowVersion: 1, channel: 'sandbox', contact: { id: 'c', name: 'Ana', tags: [], attributes: {} }, workspace: { name: 'Loja', timezone: 'UTC', locale: 'en', currency: 'USD', country: 'US' } };
    for (const [path, node] of [['json', 'ok'], ['not-found', 'failed']] as const) {
      const now = new Date('2026-11-27T12:00:00Z');
      const started = start({ flow, trigger: { type: 'manual', data: { path } }, context, now });
      const request = started.effects.find((e) => e.type === 'http_request');
      if (request?.type !== 'http_request') throw new Error('no http_request effect');
      const outcome = await kit.executor.execute(request, WORKSPACE);
      const resumed = step({ flow, state: started.state, event: toEffectResultEvent(request.id, outcome), now });
      expect(resumed.outcome).toBe('advanced');
      expect(resumed.trace.map((entry) => entry.nodeId)).toContain(node);
      if (node === 'ok') expect(resumed.state.vars).toMatchObject({ status: 'shipped', code: 200 });
    }
  });
});

function parseFlowOrThrow(document: Record<string, unknown>): FlowDocument {
  const parsed = parseFlow(document);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.flow;
}
