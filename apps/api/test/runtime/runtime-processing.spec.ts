import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JOURNEY_TEMPLATES } from '@jornada/flow-engine';
import type { QueueBackend } from '../../src/queues/queue-backend.js';
import { QUEUE_BACKEND } from '../../src/queues/queue-settings.js';
import { DEFAULT_DISPATCH_SWEEP_SETTINGS, DISPATCH_SWEEP_SETTINGS } from '../../src/runtime/processing/dispatch-sweep-settings.js';
import { RecoverySweep } from '../../src/runtime/processing/recovery-sweep.js';
import { createTestApp, type TestApp } from '../support/create-test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { publish, seedWorkspace, waitFlow } from './runtime-fixtures.js';
import { eventually, parseSse, SandboxClient, textOf, type ThreadMessage } from './sandbox-client.js';

describe('runtime processing through the queues, on the sandbox channel', () => {
  let database: TestDatabase;
  let api: TestApp;
  let ws = '';
  const principal = () => Promise.resolve({ userId: 'u1', workspaceId: ws, role: 'owner' as const });

  const start = () =>
    createTestApp({
      database,
      authenticator: { authenticate: principal },
      env: { ROLE: 'all' },
      // Sweep once on start only: the tests call it by hand.
      override: (builder) => builder.overrideProvider(DISPATCH_SWEEP_SETTINGS).useValue({ ...DEFAULT_DISPATCH_SWEEP_SETTINGS, intervalMs: 0 }),
    });

  const client = new SandboxClient(() => api.url);
  const post = (path: string, body: unknown) => client.post(path, body);
  const newConversation = () => client.newConversation();
  const thread = (id: string) => client.thread(id);
  const sentOut = (id: string, count: number) => client.sentOut(id, count);

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await start();
    ws = await seedWorkspace(api.database.dataSource, 'Sandbox shop');
    const visitor = JOURNEY_TEMPLATES.find((t) => t.id === 'visitor-question')?.build('en') as unknown as Record<string, unknown>;
    await publish(api.database.dataSource, { workspaceId: ws, document: visitor });
    await publish(api.database.dataSource, { workspaceId: ws, document: waitFlow('wait', { amount: 1, unit: 'seconds' }) });
    await publish(api.database.dataSource, { workspaceId: ws, document: waitFlow('later', { amount: 1, unit: 'hours' }) });
  });
  afterAll(async () => {
    await api.close();
    await database.drop();
  });

  it('answers "oi" with the greeting and the menu (sent, in the thread and on the stream), then follows a tapped button', async () => {
    const id = await newConversation();
    const abort = new AbortController();
    const stream = await fetch(`${api.url}/api/sandbox/conversations/${id}/stream`, { signal: abort.signal });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    let streamed = '';
    const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    const reading = (async () => {
      for (;;) {
        const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
        if (done) return;
        streamed += decoder.decode(value, { stream: true });
      }
    })();

    const accepted = await post(`/api/sandbox/conversations/${id}/messages`, { text: 'oi' });
    expect(accepted.status).toBe(202);
    expect(accepted.body).toEqual({ eventId: expect.any(String), duplicate: false });
    const out = await sentOut(id, 2);
    expect(textOf(out[0] as ThreadMessage)).toMatch(/^Hi Ana! 👋 I am the virtual assistant of Sandbox shop/);
    expect(out[1]).toMatchObject({ kind: 'buttons', content: { text: 'How can I help?' }, providerMessageId: expect.stringMatching(/^sandbox-/) });
    const all = await thread(id);
    expect(all.map((m) => m.direction)).toEqual(['in', 'out', 'out']);

    // The stream: the customer's message when stored, each reply when sent, and the session's step.
    const sentOnStream = () => parseSse(streamed).filter((e) => e.event === 'message' && (e.data as ThreadMessage).direction === 'out');
    await eventually(() => Promise.resolve(sentOnStream().length >= 2 ? true : undefined));
    expect(sentOnStream().map((e) => (e.data as ThreadMessage).id)).toEqual(out.map((m) => m.id));
    const events = parseSse(streamed);
    expect(events.find((e) => e.event === 'message' && (e.data as ThreadMessage).direction === 'in')?.data).toMatchObject({ content: { text: 'oi' } });
    expect(events.some((e) => e.event === 'session')).toBe(true);

    await post(`/api/sandbox/conversations/${id}/messages`, { buttonId: 'product', title: 'Product question' });
    const next = await sentOut(id, 3);
    expect(next[2]).toMatchObject({ kind: 'list', content: { text: 'What is your question about?' } });
    abort.abort();
    await reading;
  });

  it('processes the same message id posted 5 times concurrently once, with no duplicate send', async () => {
    const id = await newConversation();
    const messageId = `client-${randomUUID()}`;
    const results = await Promise.all(Array.from({ length: 5 }, () => post(`/api/sandbox/conversations/${id}/messages`, { text: 'oi', messageId })));
    expect(results.map((r) => r.status)).toEqual([202, 202, 202, 202, 202]);
    expect(new Set(results.map((r) => r.body['eventId'])).size).toBe(1);
    expect(results.filter((r) => r.body['duplicate'] === false)).toHaveLength(1);
    await sentOut(id, 2);
    await sleep(300); // time for any (wrong) second processing to show
    const all = await thread(id);
    expect(all.map((m) => m.direction)).toEqual(['in', 'out', 'out']);
    const db = api.database.dataSource;
    expect(await db.query(`SELECT status FROM inbound_events WHERE provider_key = $1`, [messageId])).toEqual([{ status: 'processed' }]);
  });

  it('fires a 1-second wait through the timers queue', async () => {
    const id = await newConversation();
    await post(`/api/sandbox/conversations/${id}/messages`, { text: 'wait' });
    const first = await sentOut(id, 1);
    expect(first.map(textOf)).toEqual(['before the wait']);
    const after = await sentOut(id, 2);
    expect(after.map(textOf)).toEqual(['before the wait', 'after the wait']);
    const timers = await api.database.dataSource.query(
      `SELECT t.status FROM session_timers t JOIN flow_sessions s ON s.id = t.session_id WHERE s.conversation_id = $1`,
      [id],
    );
    expect(timers).toEqual([{ status: 'fired' }]);
  });

  it('re-enqueues a pending outbox row whose job was lost (the sweep)', async () => {
    const id = await newConversation();
    await post(`/api/sandbox/conversations/${id}/messages`, { text: 'wait' });
    await sentOut(id, 1);
    const db = api.database.dataSource;
    // A send committed by a step whose process died before enqueueing it: no job exists.
    const [session] = await db.query<{ id: string }[]>(`SELECT id FROM flow_sessions WHERE conversation_id = $1`, [id]);
    const [message] = await db.query<{ id: string }[]>(
      `INSERT INTO messages (workspace_id, conversation_id, channel, direction, kind, content, status, created_at)
       VALUES ($1, $2, 'sandbox', 'out', 'text', '{"kind":"text","text":"orphan"}', 'queued', now()) RETURNING id`,
      [ws, id],
    );
    const effectId = `${String(session?.id)}:orphan`;
    await db.query(
      `INSERT INTO outbox (workspace_id, session_id, conversation_id, effect_id, type, payload, created_at) VALUES ($1, $2, $5, $3, 'send', $4::jsonb, now() - interval '1 minute')`,
      [ws, session?.id, effectId, JSON.stringify({ id: effectId, message: { kind: 'text', text: 'orphan' }, messageId: message?.id, conversationId: id, channel: 'sandbox' }), id],
    );
    const swept = await api.app.get(RecoverySweep).run();
    expect(swept.outbox).toBeGreaterThanOrEqual(1);
    await eventually(async () => ((await db.query<{ status: string }[]>(`SELECT status FROM outbox WHERE effect_id = $1`, [effectId]))[0]?.status === 'done' ? true : undefined));
    expect(await db.query(`SELECT status, provider_message_id FROM messages WHERE id = $1`, [message?.id])).toEqual([{ status: 'sent', provider_message_id: `sandbox-${effectId}` }]);
  });

  it('fires a timer that came due while the app was down and whose job the queue lost, after restart', async () => {
    const id = await newConversation();
    await post(`/api/sandbox/conversations/${id}/messages`, { text: 'later' });
    await sentOut(id, 1);
    const db = api.database.dataSource;
    const [timer] = await db.query<{ id: string }[]>(
      `SELECT t.id FROM session_timers t JOIN flow_sessions s ON s.id = t.session_id WHERE s.conversation_id = $1 AND t.status = 'pending'`,
      [id],
    );
    expect(timer).toBeDefined();
    // The queue loses its delayed jobs (a flushed Redis), then the app goes down.
    const timersQueue = api.app.get<QueueBackend>(QUEUE_BACKEND).createQueue('timers', { defaultJobOptions: {} });
    await timersQueue.obliterate({ force: true });
    await timersQueue.close();
    await api.close();
    // An hour passes.
    await database.dataSource.query(`UPDATE session_timers SET fire_at = now() - interval '1 second' WHERE id = $1`, [timer?.id]);

    api = await start();
    const out = await sentOut(id, 2);
    expect(out.map(textOf)).toEqual(['before the wait', 'after the wait']);
  });
});
