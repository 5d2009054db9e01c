import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { Clock } from '../../src/runtime/clock.js';
import { InboundStepBatch } from '../../src/runtime/inbound-step-batch.js';
import { BatchConflict, InboundStepBatchRepository, type BatchedEvent } from '../../src/runtime/inbound-step-batch.repository.js';
import { ProcessInboundEventUseCase } from '../../src/runtime/process-inbound-event.use-case.js';
import { RecordInboundEventUseCase } from '../../src/runtime/record-inbound-event.use-case.js';
import { RuntimeFault } from '../../src/runtime/session-stepper.js';
import { createTestApp, type TestApp } from '../support/create-test-app.js';
import { echoFlow, echoWithTimeoutFlow, FakeClock, publish, seedWorkspace, text } from './runtime-fixtures.js';

/**
 * InboundStepBatch against the single step it stands in for: the same events, stepped one by
 * one (ProcessInboundEventUseCase) for some senders and as one batch for others, must leave the
 * same rows behind; what the batch does not write itself goes the single way inside it; a
 * failure anywhere leaves nothing of the batch.
 */
describe('inbound steps in batches', () => {
  let api: TestApp;
  let db: DataSource;
  const clock = new FakeClock();
  let record: RecordInboundEventUseCase;
  let single: ProcessInboundEventUseCase;
  let batch: InboundStepBatch;
  let repository: InboundStepBatchRepository;
  let ws: string;

  beforeAll(async () => {
    api = await createTestApp({ override: (builder) => builder.overrideProvider(Clock).useValue(clock) });
    db = api.database.dataSource;
    record = api.app.get(RecordInboundEventUseCase);
    single = api.app.get(ProcessInboundEventUseCase);
    batch = api.app.get(InboundStepBatch);
    repository = api.app.get(InboundStepBatchRepository);
    ws = await seedWorkspace(db, 'Batch');
    await publish(db, { workspaceId: ws, document: echoFlow('Any', { kind: 'any' }, 'any') });
    await publish(db, { workspaceId: ws, document: echoWithTimeoutFlow('Loop', 'loop') });
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });
  afterAll(() => api.close());

  const recordEvent = async (channel: string, sender: string, body: string): Promise<BatchedEvent> => {
    const { eventId } = await record.execute({ workspaceId: ws, channel, providerKey: randomUUID(), sender, message: text(body) });
    return { workspaceId: ws, eventId, channel, sender };
  };
  const stepAlone = (event: BatchedEvent) => single.execute({ workspaceId: ws, eventId: event.eventId, sender: { channel: event.channel, sender: event.sender } });

  /** Everything a sender's steps left, without ids and times: messages, run log, session, outbox, timers, events. */
  const footprint = async (channel: string, sender: string) => {
    const [conversation] = await db.query<{ id: string; last_inbound_at: Date | null }[]>(
      `SELECT c.id, c.last_inbound_at FROM conversations c JOIN contact_identities i ON i.contact_id = c.contact_id AND i.channel = c.channel
        WHERE i.workspace_id = $1 AND i.channel = $2 AND i.external_id = $3`,
      [ws, channel, sender],
    );
    const id = conversation?.id;
    return {
      lastInbound: conversation?.last_inbound_at?.toISOString(),
      messages: await db.query<{ direction: string; kind: string; content: { text?: string }; status: string }[]>(`SELECT direction, kind, content, status FROM messages WHERE conversation_id = $1 ORDER BY seq`, [id]),
      sessions: await db.query(`SELECT status, version, state->'variables' AS variables FROM flow_sessions WHERE conversation_id = $1`, [id]),
      log: await db.query(
        `SELECT l.kind, l.data->'message'->>'text' AS text FROM run_log_entries l JOIN flow_sessions s ON s.id = l.session_id WHERE s.conversation_id = $1 ORDER BY l.seq`,
        [id],
      ),
      outbox: await db.query<{ type: string; status: string; claimed: boolean | undefined }[]>(`SELECT type, status, claim_token IS NOT NULL AS claimed FROM outbox WHERE conversation_id = $1 ORDER BY created_at, type, status, claimed`, [id]),
      timers: await db.query(`SELECT t.node_id, t.status, t.fire_at FROM session_timers t JOIN flow_sessions s ON s.id = t.session_id WHERE s.conversation_id = $1 ORDER BY t.fire_at, t.status`, [id]),
      events: await db.query<{ status: string; error: string | null }[]>(`SELECT status, error FROM inbound_events WHERE workspace_id = $1 AND channel = $2 AND sender = $3 ORDER BY seq`, [ws, channel, sender]),
    };
  };

  it('steps many senders in one batch and leaves what stepping each alone leaves', async () => {
    // Half of them answer a question with a timeout (timer cancelled, replies, new timer) on a
    // paced channel; half echo on the sandbox, whose replies the stepping process claims.
    const senders = [
      ...Array.from({ length: 6 }, (_, i) => ({ channel: 'whatsapp', opener: 'loop', answer: `answer ${String(i)}` })),
      ...Array.from({ length: 6 }, (_, i) => ({ channel: 'sandbox', opener: 'hello', answer: `answer ${String(i)}` })),
    ];
    const alone = senders.map((s) => ({ ...s, sender: s.channel === 'whatsapp' ? `+55119${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}` : `sandbox-${randomUUID()}` }));
    const batched = senders.map((s) => ({ ...s, sender: s.channel === 'whatsapp' ? `+55118${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}` : `sandbox-${randomUUID()}` }));
    for (const s of [...alone, ...batched]) expect((await stepAlone(await recordEvent(s.channel, s.sender, s.opener))).status).toBe('done');
    // The openers' replies went out (a pending send would hold the next ones back from an inline claim).
    await db.query(`UPDATE outbox SET status = 'done', claim_token = NULL, claimed_until = NULL WHERE workspace_id = $1 AND type = 'send'`, [ws]);
    clock.advance(60_000);

    for (const s of alone) expect((await stepAlone(await recordEvent(s.channel, s.sender, s.answer))).status).toBe('done');
    const events = await Promise.all(batched.map((s) => recordEvent(s.channel, s.sender, s.answer)));
    const write = jest.spyOn(repository, 'write');
    const locked = jest.spyOn(single, 'executeLocked');
    const results = await batch.execute(events);

    expect(write).toHaveBeenCalledTimes(1); // every step's rows in one statement
    expect(locked).not.toHaveBeenCalled(); // none needed the single way
    expect(results.map((r) => r.status)).toEqual(events.map(() => 'done'));
    expect(results.map((r) => r.processed)).toEqual(events.map((e) => [{ eventId: e.eventId, outcome: 'processed' }]));
    for (const [i, s] of batched.entries()) {
      expect(await footprint(s.channel, s.sender)).toEqual(await footprint(alone[i]!.channel, alone[i]!.sender));
    }
    // The sandbox replies are claimed for this process, in order, and leased in the outbox.
    const sandbox = results.slice(6);
    for (const [i, result] of sandbox.entries()) {
      expect(result.inlineSends).toHaveLength(1);
      const claim = result.inlineSends[0]!;
      expect(claim.conversationId).toBe(result.conversationIds[0]);
      expect(claim.sends.map((send) => send.message)).toEqual([text(`any answer ${String(i)}`), text('any ask')]);
      expect(claim.complete).toBe(true); // nothing else of the step is pending: no look-up after sending
      const leased = await db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM outbox WHERE id = ANY($1::uuid[]) AND claim_token = $2 AND claimed_until > now()`, [
        claim.sends.map((send) => send.row.id),
        claim.token,
      ]);
      expect(leased[0]?.n).toBe(2);
    }
    for (const result of results.slice(0, 6)) expect(result.inlineSends).toEqual([]);
  });

  it("steps a sender's backlog in the batch, in arrival order, as the single way would", async () => {
    const alone = `sandbox-${randomUUID()}`;
    const batched = `sandbox-${randomUUID()}`;
    const others = Array.from({ length: 3 }, () => `sandbox-${randomUUID()}`);
    for (const sender of [alone, batched, ...others]) await stepAlone(await recordEvent('sandbox', sender, 'hello'));
    await db.query(`UPDATE outbox SET status = 'done', claim_token = NULL, claimed_until = NULL WHERE workspace_id = $1 AND type = 'send'`, [ws]);
    clock.advance(60_000);

    // Three messages of one sender pending at once: the job of the last steps all three.
    for (const body of ['one', 'two', 'three']) await recordEvent('sandbox', alone, body);
    const aloneLast = await recordEvent('sandbox', alone, 'four');
    expect((await stepAlone(aloneLast)).processed).toHaveLength(4);
    const backlog = [];
    for (const body of ['one', 'two', 'three', 'four']) backlog.push(await recordEvent('sandbox', batched, body));
    const rest = await Promise.all(others.map((sender) => recordEvent('sandbox', sender, 'plain')));
    const locked = jest.spyOn(single, 'executeLocked');
    const results = await batch.execute([backlog[3]!, ...rest]);

    expect(locked).not.toHaveBeenCalled();
    expect(results[0]?.processed).toEqual(backlog.map((e) => ({ eventId: e.eventId, outcome: 'processed' })));
    // The same rows, but for the leases: stepped alone, only the first step's replies are claimed
    // (the later steps find those pending); the batch claims all of them, in order, under one token.
    const unleased = async (sender: string) => {
      const { outbox, ...rest } = await footprint('sandbox', sender);
      return { ...rest, outbox: outbox.map((row) => ({ ...row, claimed: undefined })) };
    };
    expect(await unleased(batched)).toEqual(await unleased(alone));
    // One claim for the conversation, every reply of the four steps in order.
    expect(results[0]?.inlineSends).toHaveLength(1);
    expect(results[0]?.inlineSends[0]?.sends.map((send) => send.message)).toEqual(['one', 'two', 'three', 'four'].flatMap((body) => [text(`any ${body}`), text('any ask')]));
    // The earlier events' own jobs find them processed.
    expect((await batch.execute([backlog[0]!, rest[0]!]))[0]?.status).toBe('already_processed');
  });

  it('says a claim is complete only when the steps left nothing else pending (a timer row is pending too)', async () => {
    const echo = `sandbox-${randomUUID()}`;
    const loop = `sandbox-${randomUUID()}`;
    await stepAlone(await recordEvent('sandbox', echo, 'hello'));
    await stepAlone(await recordEvent('sandbox', loop, 'loop'));
    await db.query(`UPDATE outbox SET status = 'done', claim_token = NULL, claimed_until = NULL WHERE workspace_id = $1 AND type = 'send'`, [ws]);
    clock.advance(60_000);

    const events = [await recordEvent('sandbox', echo, 'again'), await recordEvent('sandbox', loop, 'an answer')];
    const locked = jest.spyOn(single, 'executeLocked');
    const results = await batch.execute(events);
    expect(locked).not.toHaveBeenCalled(); // both stepped by the batch itself
    expect(results.map((r) => r.status)).toEqual(['done', 'done']);
    expect(results[0]?.inlineSends.map((claim) => claim.complete)).toEqual([true]);
    // The loop's step cancelled its timeout and set a new one: outbox rows the claim does not cover.
    expect(results[1]?.inlineSends.map((claim) => claim.complete)).toEqual([false]);
    const timerRows = await db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM outbox WHERE conversation_id = $1 AND type <> 'send' AND status = 'pending'`, [results[1]?.conversationIds[0]]);
    expect(timerRows[0]?.n).toBeGreaterThan(0);
  });

  it('steps the uncommon cases the single way inside the batch: a new sender, an event done before', async () => {
    const known = `sandbox-${randomUUID()}`;
    const backlogged = `sandbox-${randomUUID()}`;
    const finished = `sandbox-${randomUUID()}`;
    for (const sender of [known, backlogged, finished]) await stepAlone(await recordEvent('sandbox', sender, 'hello'));
    const done = await recordEvent('sandbox', finished, 'once');
    await stepAlone(done);

    const fresh = await recordEvent('sandbox', `sandbox-${randomUUID()}`, 'hi there');
    const first = await recordEvent('sandbox', backlogged, 'one');
    const second = await recordEvent('sandbox', backlogged, 'two');
    const plain = await recordEvent('sandbox', known, 'plain');
    const locked = jest.spyOn(single, 'executeLocked');
    const results = await batch.execute([fresh, second, done, plain]);

    expect(locked).toHaveBeenCalledTimes(1); // the new sender
    expect(results[0]).toMatchObject({ status: 'done', processed: [{ eventId: fresh.eventId, outcome: 'processed' }] });
    expect(results[1]).toMatchObject({ status: 'done', processed: [{ eventId: first.eventId, outcome: 'processed' }, { eventId: second.eventId, outcome: 'processed' }] });
    expect(results[2]).toEqual({ status: 'already_processed', processed: [], conversationIds: [], inlineSends: [] });
    expect(results[3]).toMatchObject({ status: 'done', processed: [{ eventId: plain.eventId, outcome: 'processed' }] });
    const replies = async (sender: string) =>
      (await footprint('sandbox', sender)).messages.filter((m) => m.direction === 'out').map((m) => m.content.text);
    expect(await replies(backlogged)).toEqual(['any ask', 'any one', 'any ask', 'any two', 'any ask']);
    expect(await replies(known)).toEqual(['any ask', 'any plain', 'any ask']);
    expect(results[0]?.inlineSends[0]?.sends.map((s) => s.message)).toEqual([text('any ask')]);
  });

  it('leaves nothing of the batch when one step fails, or when a session changed after the batch read it', async () => {
    const senders = Array.from({ length: 3 }, () => `sandbox-${randomUUID()}`);
    for (const sender of senders) await stepAlone(await recordEvent('sandbox', sender, 'hello'));
    const before = await Promise.all(senders.map((sender) => footprint('sandbox', sender)));

    // A session whose stored state cannot be read: a system fault, and the whole batch rolls back.
    const events = await Promise.all(senders.map((sender) => recordEvent('sandbox', sender, 'again')));
    const [broken] = await db.query<{ id: string; state: unknown }[]>(
      `SELECT s.id, s.state FROM flow_sessions s JOIN conversations c ON c.id = s.conversation_id JOIN contact_identities i ON i.contact_id = c.contact_id
        WHERE i.workspace_id = $1 AND i.external_id = $2`,
      [ws, senders[1]],
    );
    await db.query(`UPDATE flow_sessions SET state = '{"unreadable": true}'::jsonb WHERE id = $1`, [broken?.id]);
    await expect(batch.execute(events)).rejects.toBeInstanceOf(RuntimeFault);
    const after = await Promise.all(senders.map((sender) => footprint('sandbox', sender)));
    expect(after.map(({ events: e, ...rest }) => ({ ...rest, events: e.slice(0, 1) }))).toEqual(before);
    expect(after.map((f) => f.events.map((e) => e.status))).toEqual(senders.map(() => ['processed', 'received']));
    await db.query(`UPDATE flow_sessions SET state = $2::jsonb WHERE id = $1`, [broken?.id, JSON.stringify(broken?.state)]);

    // A session stepped by someone else between the batch's read and its write: the version check refuses the batch.
    const read = repository.runningSessions.bind(repository);
    jest.spyOn(repository, 'runningSessions').mockImplementationOnce(async (tx, conversations) => {
      const sessions = await read(tx, conversations);
      await tx.query(`UPDATE flow_sessions SET version = version + 1 WHERE id = $1`, [broken?.id]);
      return sessions;
    });
    await expect(batch.execute(events)).rejects.toBeInstanceOf(BatchConflict);
    expect((await Promise.all(senders.map((sender) => footprint('sandbox', sender)))).map((f) => f.messages)).toEqual(before.map((f) => f.messages));

    // Untouched, the same batch goes through.
    const results = await batch.execute(events);
    expect(results.map((r) => r.status)).toEqual(['done', 'done', 'done']);
  });
});
