import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { DataSource } from 'typeorm';
import { Clock } from '../../src/runtime/clock.js';
import { ConversationRepository } from '../../src/runtime/conversation.repository.js';
import { FindDueTimersQuery } from '../../src/runtime/find-due-timers.query.js';
import { FireTimerUseCase } from '../../src/runtime/fire-timer.use-case.js';
import { ProcessInboundEventUseCase } from '../../src/runtime/process-inbound-event.use-case.js';
import { RecordInboundEventUseCase } from '../../src/runtime/record-inbound-event.use-case.js';
import { SendPerformer } from '../../src/runtime/processing/send-performer.js';
import { lockConversation } from '../../src/runtime/runtime-sql.js';
import { StepWriter } from '../../src/runtime/step-writer.js';
import { createTestApp, type TestApp } from '../support/create-test-app.js';
import { echoFlow, FakeClock, publish, seedWorkspace, text, timeoutFlow } from './runtime-fixtures.js';

describe('conversation runtime core', () => {
  let api: TestApp;
  let db: DataSource;
  const clock = new FakeClock();
  let record: RecordInboundEventUseCase;
  let processEvent: ProcessInboundEventUseCase;
  let fireTimer: FireTimerUseCase;
  let dueTimers: FindDueTimersQuery;
  let ws: string;
  let other: string;
  let keywordFlow: string;

  beforeAll(async () => {
    api = await createTestApp({ override: (builder) => builder.overrideProvider(Clock).useValue(clock) });
    db = api.database.dataSource;
    record = api.app.get(RecordInboundEventUseCase);
    processEvent = api.app.get(ProcessInboundEventUseCase);
    fireTimer = api.app.get(FireTimerUseCase);
    dueTimers = api.app.get(FindDueTimersQuery);
    ws = await seedWorkspace(db, 'Shop');
    other = await seedWorkspace(db, 'Other');
    await publish(db, { workspaceId: ws, document: echoFlow('Any', { kind: 'any' }, 'any') });
    keywordFlow = (await publish(db, { workspaceId: ws, document: echoFlow('Promo', { kind: 'keyword', keywords: ['promo'] }, 'v1') })).flowId;
    await publish(db, { workspaceId: ws, document: timeoutFlow('Name', 'name') });
    // Another tenant's flow that would match everything: it must never run for `ws`.
    await publish(db, { workspaceId: other, document: echoFlow('Foreign', { kind: 'keyword', keywords: ['promo'] }, 'foreign') });
  });
  afterAll(() => api.close());

  const inbound = (sender: string, body: string, providerKey: string = randomUUID()) =>
    record.execute({ workspaceId: ws, channel: 'whatsapp', providerKey, sender, message: text(body) });

  const deliver = async (sender: string, body: string) => {
    const { eventId } = await inbound(sender, body);
    return processEvent.execute({ workspaceId: ws, eventId });
  };

  const sessionOf = async (sender: string) => {
    const rows = await db.query<{ id: string; flow_id: string; flow_version: number; version: number; state: { wait: { timerId?: string } | null } }[]>(
      `SELECT s.id, s.flow_id, s.flow_version, s.version, s.state FROM flow_sessions s
         JOIN conversations c ON c.id = s.conversation_id JOIN contact_identities i ON i.contact_id = c.contact_id
        WHERE i.workspace_id = $1 AND i.external_id = $2 ORDER BY s.started_at DESC LIMIT 1`,
      [ws, sender],
    );
    return rows[0];
  };

  const sentTexts = async (sessionId: string) =>
    (await db.query<{ t: string }[]>(`SELECT data->'message'->>'text' AS t FROM run_log_entries WHERE session_id = $1 AND kind = 'send' ORDER BY seq`, [sessionId])).map((r) => r.t);

  it('stores an event delivered 5 times concurrently once, and processes it once', async () => {
    const key = `wamid.${randomUUID()}`;
    const recorded = await Promise.all(Array.from({ length: 5 }, () => inbound('+5511900000001', 'hello', key)));
    expect(new Set(recorded.map((r) => r.eventId)).size).toBe(1);
    expect(recorded.filter((r) => !r.duplicate)).toHaveLength(1);
    const eventId = recorded[0]?.eventId as string;
    const results = await Promise.all(Array.from({ length: 5 }, () => processEvent.execute({ workspaceId: ws, eventId })));
    expect(results.filter((r) => r.status === 'done')).toHaveLength(1);
    expect(await db.query(`SELECT status FROM inbound_events WHERE provider_key = $1`, [key])).toEqual([{ status: 'processed' }]);
    expect(await db.query(`SELECT count(*)::int AS n FROM messages WHERE provider_message_id = $1`, [key])).toEqual([{ n: 1 }]);
    const session = await sessionOf('+5511900000001');
    expect(await sentTexts(session?.id as string)).toEqual(['any ask']);
  });

  it('stores concurrent webhooks of many senders in shared statements: each gets its own id, a duplicate in the same batch is one, a bad row fails alone', async () => {
    const spy = jest.spyOn(api.app.get(DataSource), 'query'); // the app's connection, not the test's
    const keys = Array.from({ length: 40 }, () => `wamid.${randomUUID()}`);
    try {
      const recorded = await Promise.all([
        ...keys.map((key, i) => inbound(`+55119100${String(i).padStart(5, '0')}`, `hi ${String(i)}`, key)),
        inbound('+5511910000003', 'again', keys[3]), // the same delivery twice, in the same burst
      ]);
      expect(new Set(recorded.slice(0, 40).map((r) => r.eventId)).size).toBe(40);
      expect(recorded.slice(0, 40).every((r) => !r.duplicate)).toBe(true);
      expect(recorded[40]).toEqual({ eventId: recorded[3]?.eventId, duplicate: true });
      const inserts = spy.mock.calls.filter(([sql]) => typeof sql === 'string' && sql.includes('INSERT INTO inbound_events')).length;
      expect(inserts).toBeLessThan(20); // 41 calls; one statement each before they were coalesced
    } finally {
      spy.mockRestore();
    }
    const stored = await db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM inbound_events WHERE provider_key = ANY($1::text[])`, [keys]);
    expect(stored).toEqual([{ n: 40 }]);

    // PostgreSQL refuses a NUL in text: the statement that carried it fails, and each of its rows is retried alone.
    const mixedKeys = Array.from({ length: 6 }, () => `wamid.${randomUUID()}`);
    const mixed = await Promise.allSettled(
      mixedKeys.map((key, i) => record.execute({ workspaceId: ws, channel: 'whatsapp', providerKey: key, sender: i === 4 ? 'bad\u0000sender' : `+55119200000${String(i)}`, message: text('x') })),
    );
    expect(mixed.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    const storedMixed = await db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM inbound_events WHERE provider_key = ANY($1::text[])`, [mixedKeys]);
    expect(storedMixed).toEqual([{ n: 5 }]);
  });

  it('starts the most specific flow (keyword beats any), pinned to its version', async () => {
    const sender = '+5511900000002';
    await deliver(sender, 'I want the PROMO');
    const session = await sessionOf(sender);
    expect(session).toMatchObject({ flow_id: keywordFlow, flow_version: 1 });
    await publish(db, { workspaceId: ws, flowId: keywordFlow, document: echoFlow('Promo', { kind: 'keyword', keywords: ['promo'] }, 'v2') });
    await deliver(sender, 'blue');
    expect(await sessionOf(sender)).toMatchObject({ id: session?.id, flow_version: 1 });
    expect(await sentTexts(session?.id as string)).toEqual(['v1 ask', 'v1 blue', 'v1 ask']);
  });

  it('writes every effect as one outbox row under the engine id; re-processing is a no-op', async () => {
    const sender = '+5511900000003';
    const { eventId } = await inbound(sender, 'hi');
    await processEvent.execute({ workspaceId: ws, eventId });
    const session = await sessionOf(sender);
    const outbox = await db.query<{ effect_id: string; type: string }[]>(`SELECT effect_id, type FROM outbox WHERE session_id = $1 ORDER BY effect_id`, [session?.id]);
    expect(outbox).toEqual([{ effect_id: `${session?.id as string}:1`, type: 'send' }]);
    expect(await processEvent.execute({ workspaceId: ws, eventId })).toEqual({ status: 'already_processed', processed: [], conversationIds: [], inlineSends: [] });
    // The same when the caller names the sender (the job handler does): the lock, then the pending list, says it.
    const known = { channel: 'whatsapp', sender };
    expect(await processEvent.execute({ workspaceId: ws, eventId, sender: known })).toEqual({ status: 'already_processed', processed: [], conversationIds: [], inlineSends: [] });
    expect(await db.query(`SELECT count(*)::int AS n FROM outbox WHERE session_id = $1`, [session?.id])).toEqual([{ n: 1 }]);
    expect(await db.query(`SELECT count(*)::int AS n FROM run_log_entries WHERE session_id = $1`, [session?.id])).toEqual([{ n: 4 }]);
  });

  it('steps 20 events of one conversation in arrival order, whatever order parallel callers run in', async () => {
    const sender = '+5511900000004';
    const ids: string[] = [];
    for (let i = 1; i <= 20; i += 1) ids.push((await inbound(sender, `m${String(i)}`)).eventId);
    const shuffled = [...ids].sort(() => Math.random() - 0.5);
    const results = await Promise.all(shuffled.map((eventId) => processEvent.execute({ workspaceId: ws, eventId })));
    const processed = results.flatMap((r) => r.processed.map((p) => p.eventId));
    expect(processed.sort()).toEqual([...ids].sort()); // each exactly once
    const session = await sessionOf(sender);
    const echoes = (await sentTexts(session?.id as string)).filter((t) => t !== 'any ask');
    expect(echoes).toEqual(Array.from({ length: 19 }, (_, i) => `any m${String(i + 2)}`));
    expect(session?.version).toBe(20);
    const stored = await db.query<{ t: string }[]>(
      `SELECT m.content->>'text' AS t FROM messages m JOIN inbound_events e ON e.provider_key = m.provider_message_id WHERE e.id = ANY($1) ORDER BY m.created_at, e.seq`,
      [ids],
    );
    expect(stored.map((r) => r.t)).toEqual(Array.from({ length: 20 }, (_, i) => `m${String(i + 1)}`));
  });

  it('fires a due timer once; a cancelled or stale timer does not fire', async () => {
    const late = '+5511900000005';
    await deliver(late, 'name please');
    const session = await sessionOf(late);
    const timerId = session?.state.wait?.timerId as string;
    expect(await fireTimer.execute({ workspaceId: ws, timerId })).toMatchObject({ status: 'not_due' });
    clock.advance(60 * 60 * 1000);
    expect((await dueTimers.execute()).map((t) => t.timerId)).toContain(timerId);
    const fired = await Promise.all([1, 2, 3].map(() => fireTimer.execute({ workspaceId: ws, timerId })));
    expect(fired.filter((r) => r.status === 'fired')).toHaveLength(1);
    expect(await sentTexts(session?.id as string)).toEqual(['your name?', 'too late']);
    expect((await dueTimers.execute()).map((t) => t.timerId)).not.toContain(timerId);

    const quick = '+5511900000006';
    await deliver(quick, 'name please');
    const answered = await sessionOf(quick);
    const cancelled = answered?.state.wait?.timerId as string;
    await deliver(quick, 'Ana');
    clock.advance(2 * 60 * 60 * 1000);
    expect(await fireTimer.execute({ workspaceId: ws, timerId: cancelled })).toEqual({ status: 'already', timerStatus: 'cancelled' });
    expect(await sentTexts(answered?.id as string)).toEqual(['your name?', 'thanks Ana']);

    // A timer the session does not wait on (it moved on without cancelling it) is stale.
    const waiting = await sessionOf('+5511900000004');
    await db.query(`INSERT INTO session_timers (workspace_id, session_id, timer_id, node_id, fire_at) VALUES ($1, $2, $3, 'ask', $4)`, [ws, waiting?.id, `${waiting?.id as string}:999`, clock.now()]);
    expect(await fireTimer.execute({ workspaceId: ws, timerId: `${waiting?.id as string}:999` })).toEqual({ status: 'stale' });
    expect((await sessionOf('+5511900000004'))?.version).toBe(20);
  });

  it('leaves nothing half-written when a step fails mid-transaction', async () => {
    const sender = '+5511900000007';
    const writer = api.app.get(StepWriter);
    const original = writer.write.bind(writer);
    const spy = jest.spyOn(writer, 'write').mockImplementationOnce(async (...args) => {
      await original(...args);
      throw new Error('crash after the effects were written');
    });
    const { eventId } = await inbound(sender, 'hello');
    await expect(processEvent.execute({ workspaceId: ws, eventId })).rejects.toThrow('crash after');
    spy.mockRestore();
    const count = async (sql: string) => ((await db.query<{ n: number }[]>(sql, [sender]))[0] as { n: number }).n;
    expect(await count(`SELECT count(*)::int AS n FROM contact_identities WHERE external_id = $1`)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM inbound_events WHERE sender = $1 AND status <> 'received'`)).toBe(0);
    expect(await db.query(`SELECT count(*)::int AS n FROM outbox o JOIN flow_sessions s ON s.id = o.session_id WHERE s.conversation_id NOT IN (SELECT id FROM conversations)`)).toEqual([{ n: 0 }]);
    // The retry then succeeds, once.
    expect(await processEvent.execute({ workspaceId: ws, eventId })).toMatchObject({ status: 'done' });
    expect(await sentTexts((await sessionOf(sender))?.id as string)).toEqual(['any ask']);
  });

  it('scopes every lookup by workspace', async () => {
    const { eventId } = await inbound('+5511900000008', 'promo');
    expect(await processEvent.execute({ workspaceId: other, eventId })).toEqual({ status: 'not_found', processed: [], conversationIds: [], inlineSends: [] });
    const sender = { channel: 'whatsapp', sender: '+5511900000008' };
    expect(await processEvent.execute({ workspaceId: other, eventId, sender })).toEqual({ status: 'already_processed', processed: [], conversationIds: [], inlineSends: [] });
    expect(await processEvent.execute({ workspaceId: ws, eventId, sender })).toMatchObject({ status: 'done', processed: [{ eventId, outcome: 'processed' }] });
    const session = await sessionOf('+5511900000008');
    expect(session?.flow_id).toBe(keywordFlow); // not the other workspace's "promo" flow
    const timer = (await db.query<{ timer_id: string }[]>(`SELECT timer_id FROM session_timers WHERE workspace_id = $1 LIMIT 1`, [ws]))[0];
    expect(await fireTimer.execute({ workspaceId: other, timerId: timer?.timer_id as string })).toEqual({ status: 'not_found' });
    // The same provider key in another workspace is a different event.
    const key = `wamid.${randomUUID()}`;
    const a = await record.execute({ workspaceId: ws, channel: 'whatsapp', providerKey: key, sender: '+1', message: text('x') });
    const b = await record.execute({ workspaceId: other, channel: 'whatsapp', providerKey: key, sender: '+1', message: text('x') });
    expect(a.eventId).not.toBe(b.eventId);
    expect(b.duplicate).toBe(false);
  });
  it('finds the live conversation under its conversation lock, and records the inbound time with the message', async () => {
    const sender = '+5511900000009';
    await deliver(sender, 'hello');
    const [conversation] = await db.query<{ id: string; contact_id: string; last_inbound_at: Date }[]>(
      `SELECT c.id, c.contact_id, c.last_inbound_at FROM conversations c JOIN contact_identities i ON i.contact_id = c.contact_id WHERE i.workspace_id = $1 AND i.external_id = $2`,
      [ws, sender],
    );
    expect(conversation?.last_inbound_at).toEqual(clock.now());
    const conversations = api.app.get(ConversationRepository);
    const runner = db.createQueryRunner();
    await runner.startTransaction();
    try {
      const found = await conversations.lockLive(runner.manager, { workspaceId: ws, contactId: conversation?.contact_id as string, channel: 'whatsapp' });
      expect(found).toMatchObject({ id: conversation?.id, status: 'open', channel: 'whatsapp' });
      // The very lock timers and agent actions take (lockConversation): this transaction holds it.
      const elsewhere = await db.query<{ free: boolean }[]>(`SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS free`, [`runtime:conversation:${String(found?.id)}`]);
      expect(elsewhere[0]?.free).toBe(false);
      expect(await conversations.lockLive(runner.manager, { workspaceId: other, contactId: conversation?.contact_id as string, channel: 'whatsapp' })).toBeNull();
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
  it('reads the live conversation as the lock holder left it: handed off meanwhile, or resolved (then none)', async () => {
    const sender = '+5511900000010';
    await deliver(sender, 'hello');
    const [conversation] = await db.query<{ id: string; contact_id: string }[]>(
      `SELECT c.id, c.contact_id FROM conversations c JOIN contact_identities i ON i.contact_id = c.contact_id WHERE i.workspace_id = $1 AND i.external_id = $2`,
      [ws, sender],
    );
    const { id, contact_id: contactId } = conversation as { id: string; contact_id: string };
    const conversations = api.app.get(ConversationRepository);
    // Another transaction (a timer step) holds the conversation lock and changes the row; lockLive waits, then sees the change.
    const waitsFor = async (status: 'handoff' | 'resolved') => {
      const holder = db.createQueryRunner();
      const reader = db.createQueryRunner();
      await holder.startTransaction();
      await reader.startTransaction();
      try {
        await lockConversation(holder.manager, id);
        await holder.query(`UPDATE conversations SET status = $2 WHERE id = $1`, [id, status]);
        const read = conversations.lockLive(reader.manager, { workspaceId: ws, contactId, channel: 'whatsapp' });
        await waitUntil(async () => (await db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE d.datname = current_database() AND l.locktype = 'advisory' AND NOT l.granted`))[0]?.n === 1);
        await holder.commitTransaction();
        return await read;
      } finally {
        if (holder.isTransactionActive) await holder.rollbackTransaction();
        await reader.rollbackTransaction();
        await holder.release();
        await reader.release();
      }
    };
    expect(await waitsFor('handoff')).toMatchObject({ id, status: 'handoff' });
    expect(await waitsFor('resolved')).toBeNull();
  });
  it('marks the replies of many conversations sent in shared statements, each under its own provider id', async () => {
    const steps = await Promise.all(
      Array.from({ length: 24 }, async () => {
        const { eventId } = await record.execute({ workspaceId: ws, channel: 'sandbox', providerKey: randomUUID(), sender: `sandbox-${randomUUID()}`, message: text('hello') });
        return processEvent.execute({ workspaceId: ws, eventId });
      }),
    );
    const claims = steps.flatMap((step) => step.inlineSends);
    expect(claims).toHaveLength(24);
    const sends = api.app.get(SendPerformer);
    const spy = jest.spyOn(api.app.get(DataSource), 'query'); // the app's connection, not the test's
    try {
      const performed = await Promise.all(claims.map((claim) => sends.performClaimed(claim)));
      expect(performed.map((ids) => ids.length)).toEqual(claims.map(() => 1));
      const marks = spy.mock.calls.filter(([sql]) => typeof sql === 'string' && /UPDATE messages (m )?SET status = 'sent'/.test(sql)).length;
      expect(marks).toBeLessThan(12); // 24 sends; a statement each before they were coalesced
    } finally {
      spy.mockRestore();
    }
    const messageIds = claims.flatMap((claim) => claim.sends.map((send) => send.messageId));
    const rows = await db.query<{ id: string; status: string; provider_message_id: string; effect_id: string; outbox_status: string; attempts: number }[]>(
      `SELECT m.id, m.status, m.provider_message_id, o.effect_id, o.status AS outbox_status, o.attempts
         FROM messages m JOIN outbox o ON (o.payload->>'messageId')::uuid = m.id WHERE m.id = ANY($1::uuid[])`,
      [messageIds],
    );
    expect(rows).toHaveLength(24);
    for (const row of rows) expect(row).toMatchObject({ status: 'sent', provider_message_id: `sandbox-${row.effect_id}`, outbox_status: 'done', attempts: 1 });
  });

  it('claims the replies for the stepping process on an unpaced channel, unless an earlier send of the conversation is pending', async () => {
    const sender = `sandbox-${randomUUID()}`;
    const say = async (body: string) => {
      const { eventId } = await record.execute({ workspaceId: ws, channel: 'sandbox', providerKey: randomUUID(), sender, message: text(body) });
      return processEvent.execute({ workspaceId: ws, eventId });
    };
    const leases = async (ids: readonly string[]) =>
      db.query<{ id: string; claim_token: string | null; leased: boolean }[]>(
        `SELECT id, claim_token, claimed_until > now() AS leased FROM outbox WHERE id = ANY($1::uuid[]) ORDER BY id`,
        [ids],
      );

    const first = await say('hello');
    expect(first.inlineSends).toHaveLength(1);
    const claim = first.inlineSends[0];
    expect(claim?.channel).toBe('sandbox');
    expect(claim?.conversationId).toBe(first.conversationIds[0]);
    expect(claim?.sends.map((s) => s.message)).toEqual([{ kind: 'text', text: 'any ask' }]);
    const ids = claim?.sends.map((s) => s.row.id) ?? [];
    expect(await leases(ids)).toEqual(ids.map((id) => ({ id, claim_token: claim?.token, leased: true })));

    // Its reply is still pending (nobody sent it): the next step's reply must wait its turn, unclaimed.
    const second = await say('again');
    expect(second.inlineSends).toEqual([]);
    const pending = await db.query<{ claim_token: string | null }[]>(
      // In send order (the messages' seq): both steps ran at the same fake instant, so created_at ties.
      `SELECT o.claim_token FROM outbox o JOIN messages m ON m.id = (o.payload->>'messageId')::uuid
        WHERE o.status = 'pending' AND o.type = 'send' AND o.conversation_id = $1 ORDER BY m.seq`,
      [first.conversationIds[0]],
    );
    expect(pending.map((row) => row.claim_token)).toEqual([claim?.token, ...pending.slice(1).map(() => null)]);

    // A paced channel (WhatsApp) is never claimed inline: its sends go through the outbound queue.
    const paced = await deliver('+5511900000010', 'hello');
    expect(paced.status).toBe('done');
    expect(paced.inlineSends).toEqual([]);
  });
});

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('Timed out waiting for a condition');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
