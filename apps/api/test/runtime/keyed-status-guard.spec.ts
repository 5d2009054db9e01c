// Rows found by their key and guarded by a status a partial index is defined on (runtime-sql.ts,
// "Keyed status guards") are read through the key's index, also under a burst the planner's
// statistics have not seen yet: marking one send sent must not read every pending send. Measured
// with PostgreSQL's own counters: the rows a transaction fetched from a table
// (pg_stat_xact_user_tables), in transactions rolled back afterwards.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { OutboxRepository } from '../../src/runtime/processing/outbox.repository.js';
import { MARK_SENT_SQL } from '../../src/runtime/processing/send-performer.js';
import { StepWriter } from '../../src/runtime/step-writer.js';
import { createTestApp, type TestApp } from '../support/create-test-app.js';
import { echoFlow, fetchedBy, openSandboxConversation, publish, seedWorkspace, text } from './runtime-fixtures.js';

const BURST = 600;
const TOKEN = randomUUID();

describe('keyed status guards under a burst the statistics have not seen', () => {
  let api: TestApp;
  let db: DataSource;
  let ws: string;
  let conversation: { conversationId: string; sessionId: string };
  let burst: { outboxId: string; messageId: string }[];

  beforeAll(async () => {
    api = await createTestApp();
    db = api.database.dataSource;
    ws = await seedWorkspace(db, 'Shop');
    await publish(db, { workspaceId: ws, document: echoFlow('Any', { kind: 'any' }, 'any') });
    conversation = await openSandboxConversation(api, ws, 'visitor');
    await db.query(`UPDATE outbox SET status = 'done' WHERE session_id = $1`, [conversation.sessionId]);
    // Statistics taken while nothing is pending; then the burst: queued replies with their pending, claimed sends, and pending timers.
    await db.query(`ANALYZE outbox; ANALYZE session_timers; ANALYZE messages`);
    burst = await db.query<{ outboxId: string; messageId: string }[]>(
      `WITH m AS (
         INSERT INTO messages (workspace_id, conversation_id, channel, direction, kind, content, status)
         SELECT $1, $3, 'sandbox', 'out', 'text', jsonb_build_object('kind', 'text', 'text', 'burst ' || n), 'queued' FROM generate_series(1, ${String(BURST)}) AS n
         RETURNING id
       )
       INSERT INTO outbox (workspace_id, session_id, conversation_id, effect_id, type, payload, created_at, claim_token, claimed_until)
       SELECT $1, $2, $3, 'burst:' || m.id, 'send', jsonb_build_object('conversationId', $3::text, 'channel', 'sandbox', 'messageId', m.id), now(), $4, now() + interval '1 minute' FROM m
       RETURNING id AS "outboxId", (payload->>'messageId') AS "messageId"`,
      [ws, conversation.sessionId, conversation.conversationId, TOKEN],
    );
    await db.query(
      `INSERT INTO session_timers (workspace_id, session_id, timer_id, node_id, fire_at)
       SELECT $1, $2, 'burst-timer:' || n, 'wait', now() + interval '1 hour' FROM generate_series(1, ${String(BURST)}) AS n`,
      [ws, conversation.sessionId],
    );
  });
  afterAll(() => api.close());

  it('marks sends sent reading only their own rows', async () => {
    const marks = burst.slice(0, 3);
    const { fetched, result } = await fetchedBy(db, ['outbox', 'messages'], (tx) =>
      tx.query<[{ id: string }[], number]>(MARK_SENT_SQL, [
        marks.map((m) => m.outboxId),
        marks.map(() => TOKEN),
        new Date(),
        marks.map((m) => m.messageId),
        marks.map(() => ws),
        marks.map((m) => `sandbox-${m.messageId}`),
      ]),
    );
    expect(result[0].map((row) => row.id).sort()).toEqual(marks.map((m) => m.messageId).sort());
    expect(fetched['outbox']).toBeLessThan(20);
    // messages has no partial index; here, analyzed while tiny, it is read whole (cheaper than any index at that size).
  });

  it('marks an outbox row done reading only that row', async () => {
    const { fetched, result } = await fetchedBy(db, ['outbox'], (tx) => api.app.get(OutboxRepository).markDone(burst[10]!.outboxId, new Date(), tx));
    expect(result).toBe(true);
    expect(fetched['outbox']).toBeLessThan(20);
  });

  it('cancels a timer reading only that timer', async () => {
    const writer = api.app.get(StepWriter);
    const { fetched } = await fetchedBy(db, ['session_timers'], (tx) =>
      writer.write(tx, {
        scope: { workspaceId: ws, sessionId: conversation.sessionId, flowId: randomUUID(), contactId: randomUUID(), conversationId: conversation.conversationId, channel: 'sandbox' },
        event: { type: 'message', message: text('stop waiting') },
        result: { outcome: 'advanced', state: {} as never, trace: [], effects: [{ type: 'cancel_timer', timerId: 'burst-timer:7' }] },
        at: new Date(),
        stepKey: 'cancel-probe',
      }),
    );
    expect(fetched['session_timers']).toBeLessThan(20);
  });
});
