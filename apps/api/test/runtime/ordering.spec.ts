// 100 messages from one contact posted at once: stepped one at a time, in the order they
// arrived, whatever order the parallel workers pick their jobs in — on both queue backends.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { deleteRedisKeys, QUEUE_BACKENDS, startRuntimeApp, type RuntimeApp } from './runtime-app.js';
import { echoFlow, publish, seedWorkspace } from './runtime-fixtures.js';
import { eventually, SandboxClient, textOf } from './sandbox-client.js';

const COUNT = 100;

describe.each(QUEUE_BACKENDS)('per-conversation order (%s queues)', (backend) => {
  let database: TestDatabase;
  let api: RuntimeApp;
  let ws = '';
  const client = new SandboxClient(() => api.url);

  beforeAll(async () => {
    database = await createTestDatabase();
    ws = await seedWorkspace(database.dataSource, 'Order shop');
    await publish(database.dataSource, { workspaceId: ws, document: echoFlow('Echo', { kind: 'keyword', keywords: ['hello'] }, 'E') });
    api = await startRuntimeApp({ database, backend, principal: () => ({ userId: 'u1', workspaceId: ws, role: 'owner' }) });
  });
  afterAll(async () => {
    await api.close();
    await database.drop();
    await deleteRedisKeys(api.redisPrefix);
  });

  it(`steps ${String(COUNT)} concurrent messages of one contact in arrival order, each once`, async () => {
    const id = await client.newConversation();
    await client.say(id, { text: 'hello' });
    await client.sentOut(id, 1);

    const texts = Array.from({ length: COUNT }, (_, i) => `n${String(i)}`);
    const accepted = await Promise.all(texts.map((text) => client.say(id, { text, messageId: `order-${text}` })));
    expect(accepted.every((a) => a.status === 202)).toBe(true);

    const expectedCount = 1 + 2 * COUNT;
    const out = await eventually(
      async () => {
        const rows = (await client.thread(id)).filter((m) => m.direction === 'out');
        return rows.length >= expectedCount && rows.every((m) => m.status === 'sent') ? rows : undefined;
      },
      { timeoutMs: 60_000, what: `${String(expectedCount)} replies` },
    );
    // Arrival order: the order the server stored them in.
    const arrived = await database.dataSource.query<{ text: string }[]>(
      `SELECT payload->'message'->>'text' AS text FROM inbound_events WHERE provider_key LIKE 'order-%' ORDER BY received_at, seq`,
    );
    const order = arrived.map((row) => row.text);
    expect([...order].sort()).toEqual([...texts].sort());
    expect(out.map(textOf)).toEqual(['E ask', ...order.flatMap((text) => [`E ${text}`, 'E ask'])]);
    const inbound = (await client.thread(id)).filter((m) => m.direction === 'in').map(textOf);
    expect(inbound).toEqual(['hello', ...order]);
  }, 90_000);
});
