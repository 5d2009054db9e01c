// Redis flushed, then Redis killed and started again empty, under the queues of a running app
// (on a Redis server of this test's own, so the one other test files share is untouched).
// Postgres is the system of record: lost jobs are rebuilt from its rows (inbound events,
// pending timers), messages posted while Redis is down are accepted (stored) and answered once
// it is back, and nothing is answered twice.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { RecordInboundEventUseCase } from '../../src/runtime/record-inbound-event.use-case.js';
import { startRuntimeApp, type RuntimeApp } from '../runtime/runtime-app.js';
import { echoFlow, publish, seedWorkspace, waitFlow } from '../runtime/runtime-fixtures.js';
import { eventually, SandboxClient, textOf } from '../runtime/sandbox-client.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const hasRedisServer = spawnSync('redis-server', ['--version']).status === 0;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address !== null ? address.port : 0;
}

async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  await eventually(async () => {
    const probe = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      return (await probe.ping()) === 'PONG' ? true : undefined;
    } catch {
      return undefined;
    } finally {
      probe.disconnect();
    }
  });
  return child;
}

(hasRedisServer ? describe : describe.skip)('Redis flushed or restarted', () => {
  let database: TestDatabase;
  let api: RuntimeApp;
  let redis: ChildProcess;
  let port = 0;
  let ws = '';
  const client = new SandboxClient(() => api.url);
  const outTexts = async (id: string) => (await client.thread(id)).filter((m) => m.direction === 'out').map(textOf);
  const until = (id: string, texts: string[], timeoutMs = 30_000) =>
    eventually(async () => {
      const now = await outTexts(id);
      return now.length >= texts.length ? now : undefined;
    }, { timeoutMs, what: `${texts.join(' / ')}` });

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    database = await createTestDatabase();
    ws = await seedWorkspace(database.dataSource, 'Redis shop');
    await publish(database.dataSource, { workspaceId: ws, document: echoFlow('Echo', { kind: 'keyword', keywords: ['hello'] }, 'E') });
    await publish(database.dataSource, { workspaceId: ws, document: waitFlow('nap', { amount: 3, unit: 'seconds' }) });
    api = await startRuntimeApp({
      database,
      backend: 'redis',
      principal: () => ({ userId: 'u1', workspaceId: ws, role: 'owner' }),
      env: { REDIS_URL: `redis://127.0.0.1:${String(port)}` },
      // The periodic recovery sweep, fast, as production runs it every 2 s.
      sweep: { intervalMs: 300, lostJobGraceMs: 1000 },
    });
  });
  afterAll(async () => {
    await api.close();
    await database.drop();
    redis.kill('SIGKILL');
  });

  it('rebuilds lost jobs from Postgres after a FLUSHALL: a pending timer and an inbound event', async () => {
    const napping = await client.newConversation();
    await client.say(napping, { text: 'nap' });
    await until(napping, ['before the wait']);
    const chatting = await client.newConversation();
    await client.say(chatting, { text: 'hello' });
    await until(chatting, ['E ask']);

    const flusher = new Redis({ port, host: '127.0.0.1' });
    await flusher.flushall();
    flusher.disconnect();
    // A webhook stored just before the flush, whose job the flush took.
    const recorded = await api.app.get(RecordInboundEventUseCase).execute({
      workspaceId: ws,
      channel: 'sandbox',
      providerKey: 'lost-in-the-flush',
      sender: (await database.dataSource.query<{ external_id: string }[]>(
        `SELECT i.external_id FROM contact_identities i JOIN conversations c ON c.contact_id = i.contact_id WHERE c.id = $1`,
        [chatting],
      ))[0]?.external_id as string,
      message: { kind: 'text', text: 'after the flush' },
    });
    expect(recorded.duplicate).toBe(false);

    expect(await until(napping, ['before the wait', 'after the wait'])).toEqual(['before the wait', 'after the wait']);
    expect(await until(chatting, ['E ask', 'E after the flush', 'E ask'])).toEqual(['E ask', 'E after the flush', 'E ask']);
    await sleep(1500); // further sweeps must not fire or answer anything twice
    expect(await outTexts(napping)).toEqual(['before the wait', 'after the wait']);
    expect(await outTexts(chatting)).toEqual(['E ask', 'E after the flush', 'E ask']);
  });

  it('accepts messages while Redis is down, and answers them once after it restarts empty', async () => {
    const napping = await client.newConversation();
    await client.say(napping, { text: 'nap' });
    await until(napping, ['before the wait']);
    const chatting = await client.newConversation();
    await client.say(chatting, { text: 'hello' });
    await until(chatting, ['E ask']);

    redis.kill('SIGKILL');
    await sleep(200);
    const startedAt = Date.now();
    const during = await client.say(chatting, { text: 'anyone?' });
    expect(during.status).toBe(202); // stored in Postgres: acknowledged
    expect(Date.now() - startedAt).toBeLessThan(5000);
    const health = await fetch(`${api.url}/api/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ database: { status: 'up' }, queue: { status: 'down', backend: 'redis' } });

    redis = await startRedis(port);
    expect(await until(chatting, ['E ask', 'E anyone?', 'E ask'], 60_000)).toEqual(['E ask', 'E anyone?', 'E ask']);
    expect(await until(napping, ['before the wait', 'after the wait'], 60_000)).toEqual(['before the wait', 'after the wait']);
    await sleep(1500);
    expect(await outTexts(chatting)).toEqual(['E ask', 'E anyone?', 'E ask']);
    expect(await outTexts(napping)).toEqual(['before the wait', 'after the wait']);
  });
});
