// Outbound sends through the queue: in message order however many jobs run at once, paced by
// the channel's rate limit, a message that can never be sent failed on its own without
// blocking the rest, a transient failure retried without breaking the order.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_QUEUE_SETTINGS } from '../../src/queues/queue-settings.js';
import { JobError } from '../../src/queues/job-error.js';
import { SandboxChannelAdapter } from '../../src/channels/sandbox/sandbox-channel.adapter.js';
import { ChannelAdapters, type ChannelAdapter, type OutboundSend } from '../../src/runtime/processing/channel-adapter.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { deleteRedisKeys, QUEUE_BACKENDS, startRuntimeApp, type RuntimeApp } from './runtime-app.js';
import { publish, seedWorkspace } from './runtime-fixtures.js';
import { eventually, SandboxClient } from './sandbox-client.js';

/** A flow that answers `keyword` with the given texts, one message node each. */
function sayAll(keyword: string, texts: readonly string[]): Record<string, unknown> {
  const nodes = texts.map((text, i) => ({ id: `m${String(i)}`, type: 'message', data: { text } }));
  const edges = nodes.map((node, i) => ({ id: `e${String(i)}`, source: i === 0 ? 'start' : `m${String(i - 1)}`, sourceHandle: 'next', target: node.id }));
  return {
    schemaVersion: 1,
    name: `Say ${keyword}`,
    triggers: [{ id: 'start', type: 'inbound_message', match: { kind: 'keyword', keywords: [keyword] } }],
    nodes,
    edges,
    variables: [],
    settings: { channels: ['sandbox'], stepBudget: 200 },
    ui: { positions: {}, viewport: { x: 0, y: 0, zoom: 1 } },
  };
}

/** The sandbox adapter, except for texts the test makes fail: "poison" for good, "flaky" once. */
class ScriptedAdapters extends ChannelAdapters {
  readonly attempts = new Map<string, number>();
  /** When each send reached the "provider", by text: what a provider's rate limit counts. */
  readonly calledAt = new Map<string, number>();
  private readonly adapter: ChannelAdapter;

  constructor(sandbox: SandboxChannelAdapter) {
    super();
    this.adapter = {
      channel: 'sandbox',
      send: async (send: OutboundSend) => {
        const text = send.message.kind === 'text' ? send.message.text : '';
        const attempt = (this.attempts.get(send.idempotencyKey) ?? 0) + 1;
        this.calledAt.set(text, Date.now());
        this.attempts.set(send.idempotencyKey, attempt);
        if (text === 'poison') throw JobError.user('the provider refused this message (invalid recipient)');
        if (text === 'flaky' && attempt === 1) throw JobError.transient('HTTP 503 from the provider');
        return sandbox.send(send);
      },
    };
  }

  get(channel: string): ChannelAdapter | undefined {
    return channel === 'sandbox' ? this.adapter : undefined;
  }
}

interface SentRow {
  text: string;
  status: string;
  seq: string;
  sent_at: Date | null;
  error: string | null;
}

describe.each(QUEUE_BACKENDS)('outbound sends (%s queues)', (backend) => {
  let database: TestDatabase;
  let api: RuntimeApp;
  let ws = '';
  let adapters: ScriptedAdapters | undefined;
  const client = new SandboxClient(() => api.url);
  const numbers = Array.from({ length: 10 }, (_, i) => `message ${String(i + 1)}`);

  const outbound = (conversationId: string) =>
    database.dataSource.query<SentRow[]>(`SELECT content->>'text' AS text, status, seq, sent_at, error FROM messages WHERE conversation_id = $1 AND direction = 'out' ORDER BY seq`, [conversationId]);
  const settled = (conversationId: string, count: number) =>
    eventually(
      async () => {
        const rows = await outbound(conversationId);
        return rows.length === count && rows.every((r) => r.status !== 'queued') ? rows : undefined;
      },
      { timeoutMs: 20_000, what: `${String(count)} messages settled` },
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startRuntimeApp({
      database,
      backend,
      principal: () => ({ userId: 'u1', workspaceId: ws, role: 'owner' }),
      env: { OUTBOUND_RATE_LIMITS: 'sandbox=5' },
      // Retries after 100 ms instead of seconds.
      queueSettings: { policies: { ...DEFAULT_QUEUE_SETTINGS.policies, outbound: { ...DEFAULT_QUEUE_SETTINGS.policies.outbound, backoff: { type: 'fixed', delayMs: 100 } } } },
      override: (builder) =>
        builder.overrideProvider(ChannelAdapters).useFactory({
          inject: [SandboxChannelAdapter],
          factory: (sandbox: SandboxChannelAdapter) => {
            adapters = new ScriptedAdapters(sandbox);
            return adapters;
          },
        }),
    });
    ws = await seedWorkspace(database.dataSource, 'Outbound shop');
    await publish(database.dataSource, { workspaceId: ws, document: sayAll('burst', numbers) });
    await publish(database.dataSource, { workspaceId: ws, document: sayAll('mixed', ['first', 'poison', 'flaky', 'last']) });
  });
  afterAll(async () => {
    await api.close();
    await database.drop();
    await deleteRedisKeys(api.redisPrefix);
  });

  it('sends ten messages of one step in order, each once, paced at the channel’s 5 per second', async () => {
    const id = await client.newConversation();
    await client.say(id, { text: 'burst' });
    const rows = await settled(id, 10);
    expect(rows.map((r) => [r.text, r.status])).toEqual(numbers.map((text) => [text, 'sent']));
    const sentAt = rows.map((r) => (r.sent_at as Date).getTime());
    expect([...sentAt].sort((a, b) => a - b)).toEqual(sentAt);
    // 5/s (paced at 95% of it): a request every 210 ms, so the tenth at least 1.8 s after the
    // first, and never more than 5 in any second.
    const calls = numbers.map((text) => adapters?.calledAt.get(text) as number);
    expect((calls[9] as number) - (calls[0] as number)).toBeGreaterThanOrEqual(1790);
    for (const start of calls) expect(calls.filter((t) => t >= start && t < start + 1000).length).toBeLessThanOrEqual(5);
    const outbox = await database.dataSource.query<{ status: string; attempts: number }[]>(
      `SELECT o.status, o.attempts FROM outbox o JOIN flow_sessions s ON s.id = o.session_id WHERE s.conversation_id = $1 AND o.type = 'send'`,
      [id],
    );
    expect(outbox).toHaveLength(10);
    expect(outbox.every((o) => o.status === 'done' && o.attempts === 1)).toBe(true);
    // Each message is recorded under the id the channel's adapter answered for it.
    const ids = await database.dataSource.query<{ provider_message_id: string | null; effect_id: string }[]>(
      `SELECT m.provider_message_id, o.effect_id FROM messages m JOIN outbox o ON (o.payload->>'messageId')::uuid = m.id WHERE m.conversation_id = $1`,
      [id],
    );
    expect(ids).toHaveLength(10);
    for (const row of ids) expect(row.provider_message_id).toBe(`sandbox-${row.effect_id}`);
  });

  it('fails a message that can never be sent on its own, retries a flaky one, and keeps the order', async () => {
    const id = await client.newConversation();
    await client.say(id, { text: 'mixed' });
    const rows = await settled(id, 4);
    expect(rows.map((r) => [r.text, r.status])).toEqual([
      ['first', 'sent'],
      ['poison', 'failed'],
      ['flaky', 'sent'],
      ['last', 'sent'],
    ]);
    expect(rows[1]?.error).toMatch(/invalid recipient/);
    expect((rows[2]?.sent_at as Date).getTime()).toBeLessThanOrEqual((rows[3]?.sent_at as Date).getTime());
    const log = await database.dataSource.query<{ data: Record<string, unknown> }[]>(
      `SELECT l.data FROM run_log_entries l JOIN flow_sessions s ON s.id = l.session_id WHERE s.conversation_id = $1 AND l.kind = 'error'`,
      [id],
    );
    expect(log).toEqual([{ data: expect.objectContaining({ effectType: 'send', errorClass: 'user', error: expect.stringMatching(/invalid recipient/) }) }]);
    const flakyAttempts = [...(adapters?.attempts.entries() ?? [])].filter(([, n]) => n > 1);
    expect(flakyAttempts).toHaveLength(1);
  });
});
