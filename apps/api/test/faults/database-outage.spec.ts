// PostgreSQL unreachable (cut by a TCP proxy, without stopping the server other test files
// share): the inbound endpoints answer 503 with Retry-After so providers retry, nothing is
// acknowledged that was not stored, and once the database is back the retried delivery is
// processed once. The queue workers (PostgreSQL backend, same database) ride it out.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '../support/create-test-app.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { echoFlow, publish, seedWorkspace } from '../runtime/runtime-fixtures.js';
import { SandboxClient, textOf } from '../runtime/sandbox-client.js';

describe('PostgreSQL unavailable', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let api: TestApp;
  let ws = '';
  const client = new SandboxClient(() => api.url);

  beforeAll(async () => {
    database = await createTestDatabase();
    ws = await seedWorkspace(database.dataSource, 'Outage shop');
    await publish(database.dataSource, { workspaceId: ws, document: echoFlow('Echo', { kind: 'any' }, 'E') });
    const target = new URL(database.url);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const viaProxy = new URL(database.url);
    viaProxy.hostname = proxy.host;
    viaProxy.port = String(proxy.port);
    api = await createTestApp({
      database,
      databaseUrl: viaProxy.toString(),
      env: { ROLE: 'all' },
      authenticator: { authenticate: () => Promise.resolve({ userId: 'u1', workspaceId: ws, role: 'owner' }) },
    });
  });
  afterAll(async () => {
    proxy.restore();
    await api.close();
    await proxy.close();
    await database.drop();
  });

  it('answers 503 to inbound messages and events while it is down, then processes the retried delivery once', async () => {
    const id = await client.newConversation();
    await client.say(id, { text: 'hello', messageId: 'provider-msg-1' });
    await client.sentOut(id, 1);

    proxy.cut();
    const during = await client.say(id, { text: 'are you there?', messageId: 'provider-msg-2' });
    expect(during.status).toBe(503);
    expect(during.body).toMatchObject({ error: { status: 503, code: 'service_unavailable', message: expect.stringMatching(/nothing was stored/) } });
    const event = await client.post('/api/events', { name: 'order.created', id: 'order-77', contact: { phone: '+5511987654321' }, data: { number: '77' } });
    expect(event.status).toBe(503);
    const retryAfter = await fetch(`${api.url}/api/sandbox/conversations/${id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'are you there?', messageId: 'provider-msg-2' }),
    });
    expect(retryAfter.headers.get('retry-after')).toBe('5');

    proxy.restore();
    // Nothing of the refused deliveries was kept...
    expect(await database.dataSource.query(`SELECT 1 FROM inbound_events WHERE provider_key = 'provider-msg-2'`)).toEqual([]);
    // ...so the provider's retry is new, and is answered once.
    const retried = await client.say(id, { text: 'are you there?', messageId: 'provider-msg-2' });
    expect(retried).toMatchObject({ status: 202, body: { duplicate: false } });
    const out = await client.sentOut(id, 3, 20_000);
    expect(out.map(textOf)).toEqual(['E ask', 'E are you there?', 'E ask']);
    expect((await client.thread(id)).filter((m) => m.direction === 'in').map(textOf)).toEqual(['hello', 'are you there?']);
  });
});
