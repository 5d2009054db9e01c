// A flow's HTTP request through the outbound queue: the answer mapped into variables, a final
// error taking the error branch, a 503 retried, a private address refused unless allowed, and
// the run log without the credentials the flow sent.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_QUEUE_SETTINGS } from '../../src/queues/queue-settings.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { startRuntimeApp, type RuntimeApp } from './runtime-app.js';
import { publish, seedWorkspace } from './runtime-fixtures.js';
import { eventually, SandboxClient, textOf } from './sandbox-client.js';

function lookupFlow(keyword: string, url: string): Record<string, unknown> {
  return {
    schemaVersion: 1,
    name: `Lookup ${keyword}`,
    triggers: [{ id: 'start', type: 'inbound_message', match: { kind: 'keyword', keywords: [keyword] } }],
    nodes: [
      {
        id: 'lookup',
        type: 'http_request',
        data: {
          method: 'GET',
          url,
          headers: [{ name: 'Authorization', value: 'Bearer shop-secret-token' }],
          timeoutMs: 3000,
          responseMapping: [{ variable: 'status_text', path: 'data.status' }],
        },
      },
      { id: 'found', type: 'message', data: { text: 'Your order is {{status_text}}' } },
      { id: 'failed', type: 'message', data: { text: 'I could not look it up' } },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'lookup' },
      { id: 'e2', source: 'lookup', sourceHandle: 'success', target: 'found' },
      { id: 'e3', source: 'lookup', sourceHandle: 'error', target: 'failed' },
    ],
    variables: [{ name: 'status_text', type: 'text' }],
    settings: { channels: ['sandbox'], stepBudget: 200 },
    ui: { positions: {}, viewport: { x: 0, y: 0, zoom: 1 } },
  };
}

describe('the HTTP request effect', () => {
  let database: TestDatabase;
  let allowed: RuntimeApp;
  let server: Server;
  let shopUrl = '';
  let ws = '';
  const seen: { url: string; authorization: string | undefined }[] = [];
  let flakyCalls = 0;

  beforeAll(async () => {
    server = createServer((request, response) => {
      seen.push({ url: request.url ?? '', authorization: request.headers.authorization });
      if (request.url === '/orders/1042') return void response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'shipped' }));
      if (request.url === '/orders/flaky') {
        flakyCalls += 1;
        if (flakyCalls === 1) return void response.writeHead(503).end('busy');
        return void response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'packed' }));
      }
      response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'no such order' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    shopUrl = `http://127.0.0.1:${String(typeof address === 'object' && address !== null ? address.port : 0)}`;

    database = await createTestDatabase();
    ws = await seedWorkspace(database.dataSource, 'Lookup shop');
    await publish(database.dataSource, { workspaceId: ws, document: lookupFlow('order', `${shopUrl}/orders/1042`) });
    await publish(database.dataSource, { workspaceId: ws, document: lookupFlow('missing', `${shopUrl}/orders/nope`) });
    await publish(database.dataSource, { workspaceId: ws, document: lookupFlow('flaky', `${shopUrl}/orders/flaky`) });
    allowed = await startRuntimeApp({
      database,
      backend: 'postgres',
      principal: () => ({ userId: 'u1', workspaceId: ws, role: 'owner' }),
      env: { HTTP_REQUEST_ALLOWED_HOSTS: '127.0.0.1' },
      queueSettings: { policies: { ...DEFAULT_QUEUE_SETTINGS.policies, outbound: { ...DEFAULT_QUEUE_SETTINGS.policies.outbound, backoff: { type: 'fixed', delayMs: 100 } } } },
    });
  });
  afterAll(async () => {
    await allowed.close();
    await database.drop();
    await new Promise((resolve) => server.close(resolve));
  });

  const run = async (app: RuntimeApp, keyword: string) => {
    const client = new SandboxClient(() => app.url);
    const id = await client.newConversation();
    await client.say(id, { text: keyword });
    const [reply] = await client.sentOut(id, 1);
    return { id, reply: textOf(reply as never) };
  };
  const logOf = (id: string) =>
    database.dataSource.query<{ kind: string; data: Record<string, unknown> }[]>(
      `SELECT l.kind, l.data FROM run_log_entries l JOIN flow_sessions s ON s.id = l.session_id WHERE s.conversation_id = $1 ORDER BY l.seq`,
      [id],
    );

  it('maps the answer into variables and takes the success branch; the run log keeps no credentials', async () => {
    const { id, reply } = await run(allowed, 'order');
    expect(reply).toBe('Your order is shipped');
    expect(seen.find((s) => s.url === '/orders/1042')?.authorization).toBe('Bearer shop-secret-token');
    const log = await logOf(id);
    expect(log.find((e) => e.kind === 'http_result')?.data).toMatchObject({ ok: true, status: 200, method: 'GET' });
    expect(JSON.stringify(log)).not.toContain('shop-secret-token');
  });

  it('takes the error branch on a final error (404)', async () => {
    const { id, reply } = await run(allowed, 'missing');
    expect(reply).toBe('I could not look it up');
    expect((await logOf(id)).find((e) => e.kind === 'http_result')?.data).toMatchObject({ ok: false, status: 404 });
  });

  it('retries a 503 and goes on with the answer that follows', async () => {
    const { reply } = await run(allowed, 'flaky');
    expect(reply).toBe('Your order is packed');
    expect(flakyCalls).toBe(2);
  });

  it('refuses a private address without the allow-list, and the flow takes its error branch', async () => {
    // A database of its own: on the shared one, the permissive app's workers would take the job.
    const strictDatabase = await createTestDatabase();
    const strictWs = await seedWorkspace(strictDatabase.dataSource, 'Strict shop');
    await publish(strictDatabase.dataSource, { workspaceId: strictWs, document: lookupFlow('order', `${shopUrl}/orders/1042`) });
    const strict = await startRuntimeApp({ database: strictDatabase, backend: 'postgres', principal: () => ({ userId: 'u1', workspaceId: strictWs, role: 'owner' }) });
    const strictLogOf = (id: string) =>
      strictDatabase.dataSource.query<{ kind: string; data: Record<string, unknown> }[]>(
        `SELECT l.kind, l.data FROM run_log_entries l JOIN flow_sessions s ON s.id = l.session_id WHERE s.conversation_id = $1 ORDER BY l.seq`,
        [id],
      );
    try {
      const before = seen.length;
      const { id, reply } = await run(strict, 'order');
      expect(reply).toBe('I could not look it up');
      expect(seen.length).toBe(before); // never reached
      const result = await eventually(async () => (await strictLogOf(id)).find((e) => e.kind === 'http_result'));
      expect(result.data).toMatchObject({ ok: false, error: { code: 'forbidden_address' } });
    } finally {
      await strict.close();
      await strictDatabase.drop();
    }
  });
});
