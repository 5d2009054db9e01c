// A conversation's pending outbox is found through an index on its own rows: under a backlog of
// pending rows elsewhere (Black Friday, a provider outage) a step and its sends must not read the
// whole pending outbox of every workspace. Measured with PostgreSQL's own counters: the rows a
// plan read (EXPLAIN ANALYZE), and the outbox rows a transaction fetched (pg_stat_xact_user_tables).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { DataSource } from 'typeorm';
import { InboundStepBatchRepository } from '../../src/runtime/inbound-step-batch.repository.js';
import { InlineSendClaims } from '../../src/runtime/inline-send-claims.js';
import { OutboxRepository, PENDING_FOR_CONVERSATIONS_SQL } from '../../src/runtime/processing/outbox.repository.js';
import { StepWriter } from '../../src/runtime/step-writer.js';
import { createTestApp, type TestApp } from '../support/create-test-app.js';
import { echoFlow, fetchedBy, openSandboxConversation, publish, seedWorkspace, text } from './runtime-fixtures.js';

const BACKLOG = 5_000;

interface PlanNode {
  'Node Type': string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  Plans?: PlanNode[];
}

/** Rows every scan of the plan produced or read and threw away (index entries included): what the query had to read. */
function rowsScanned(node: PlanNode): number {
  const own = node['Node Type'].includes('Scan') ? node['Actual Rows'] * node['Actual Loops'] + (node['Rows Removed by Filter'] ?? 0) : 0;
  return own + (node.Plans ?? []).reduce((sum, child) => sum + rowsScanned(child), 0);
}

describe('the pending outbox under a backlog', () => {
  let api: TestApp;
  let db: DataSource;
  let ws: string;
  let quiet: { conversationId: string; sessionId: string };
  let busy: { conversationId: string; sessionId: string };

  const conversationOf = (sender: string) => openSandboxConversation(api, ws, sender);

  beforeAll(async () => {
    api = await createTestApp();
    db = api.database.dataSource;
    ws = await seedWorkspace(db, 'Shop');
    await publish(db, { workspaceId: ws, document: echoFlow('Any', { kind: 'any' }, 'any') });
    quiet = await conversationOf('visitor-quiet');
    // Its first reply was sent (the use case leaves sending to its caller).
    await db.query(`UPDATE outbox SET status = 'done' WHERE session_id = $1`, [quiet.sessionId]);
    // Another conversation with thousands of sends still pending (a channel that is down, say).
    busy = await conversationOf('visitor-busy');
    await db.query(
      `INSERT INTO outbox (workspace_id, session_id, conversation_id, effect_id, type, payload, created_at)
       SELECT $1, $2, $3::uuid, 'backlog:' || n, 'send', jsonb_build_object('conversationId', $3::text, 'channel', 'sandbox', 'messageId', gen_random_uuid()), now()
         FROM generate_series(1, ${String(BACKLOG)}) AS n`,
      [ws, busy.sessionId, busy.conversationId],
    );
    await db.query(`ANALYZE outbox`);
  });
  afterAll(() => api.close());

  it("lists a conversation's pending rows without reading the others'", async () => {
    const [{ 'QUERY PLAN': [plan] }] = await db.query<[{ 'QUERY PLAN': [{ Plan: PlanNode }] }]>(`EXPLAIN (ANALYZE, FORMAT JSON) ${PENDING_FOR_CONVERSATIONS_SQL}`, [[quiet.conversationId]]);
    expect(rowsScanned(plan.Plan)).toBeLessThan(50);
  });

  it("writes a step's sends, checking the conversation's own pending sends only", async () => {
    const writer = api.app.get(StepWriter);
    const claims = api.app.get(InlineSendClaims);
    const { fetched } = await fetchedBy(db, ['outbox'], async (tx) => {
        claims.collect(tx);
        await writer.write(tx, {
          scope: { workspaceId: ws, sessionId: quiet.sessionId, flowId: randomUUID(), contactId: randomUUID(), conversationId: quiet.conversationId, channel: 'sandbox' },
          event: { type: 'message', message: text('again') },
          result: { outcome: 'advanced', state: {} as never, trace: [], effects: [{ type: 'send', id: `${quiet.sessionId}:probe`, nodeId: 'ask', message: text('reply') }] },
          at: new Date(),
          stepKey: 'probe',
        });
        const claimed = claims.take(tx);
        expect(claimed).toHaveLength(1); // nothing of its own was pending: the new send is leased to this process
      });
    expect(fetched['outbox']).toBeLessThan(50);
  });

  it("writes a batch of steps' sends, checking those conversations' own pending sends only", async () => {
    const batch = api.app.get(InboundStepBatchRepository);
    const { fetched } = await fetchedBy(db, ['outbox'], async (tx) => {
        const written = await batch.write(tx, [
          {
            workspaceId: ws,
            conversation: { id: quiet.conversationId, workspaceId: ws, contactId: randomUUID(), channel: 'sandbox', status: 'open', priority: 'normal', simulatedFlowId: null },
            sessionId: quiet.sessionId,
            save: null,
            claimToken: randomUUID(),
            steps: [
              {
                eventId: randomUUID(),
                outcome: 'ignored',
                at: new Date(),
                inbound: { messageId: randomUUID(), kind: 'text', content: text('again'), providerMessageId: randomUUID() },
                log: [{ kind: 'event', data: {} }],
                sends: [{ messageId: randomUUID(), kind: 'text', content: text('reply'), effectId: `${quiet.sessionId}:batch-probe`, payload: {} }],
                timers: [],
              },
            ],
          },
        ]);
        expect(written.claimedIds.size).toBe(1); // nothing of its own was pending: the new send is leased to this process
      });
    expect(fetched['outbox']).toBeLessThan(50);
  });

  it("answers each job its own conversations' pending rows, many jobs in shared statements", async () => {
    const outbox = api.app.get(OutboxRepository);
    const spy = jest.spyOn(api.app.get(DataSource), 'query');
    try {
      const asked = Array.from({ length: 8 }, (_, i) => (i % 2 === 0 ? [quiet.conversationId] : [busy.conversationId]));
      const answers = await Promise.all(asked.map((ids) => outbox.listPendingForConversations(ids)));
      // The busy conversation's backlog, and its first reply (nobody sent it).
      expect(answers.map((rows) => rows.length)).toEqual(asked.map((_, i) => (i % 2 === 0 ? 0 : BACKLOG + 1)));
      expect(spy.mock.calls.filter(([sql]) => sql === PENDING_FOR_CONVERSATIONS_SQL).length).toBeLessThan(8);
    } finally {
      spy.mockRestore();
    }
  });

  describe('when the statistics predate a backlog spread over many conversations', () => {
    // Statistics taken while nothing was pending (a quiet hour); then a backlog builds up across
    // thousands of conversations (a provider outage) before the next ANALYZE. Planned on those
    // statistics, the pending rows looked too few to matter, and the generic plan (the one a
    // prepared statement settles on) read all of them to find one conversation's.
    beforeAll(async () => {
      await db.query(`UPDATE outbox SET status = 'done' WHERE workspace_id = $1`, [ws]);
      await db.query(`ANALYZE outbox`);
      await db.query(
        `INSERT INTO outbox (workspace_id, session_id, conversation_id, effect_id, type, payload, created_at)
         SELECT $1, $2, gen_random_uuid(), 'spread:' || n, 'send', '{}'::jsonb, now() FROM generate_series(1, ${String(BACKLOG)}) AS n`,
        [ws, busy.sessionId],
      );
    });

    it.each(['auto', 'force_generic_plan'])("lists a conversation's pending rows through its own index (plan_cache_mode %s)", async (mode) => {
      const plan = await db.transaction(async (tx) => {
        await tx.query(`SET LOCAL plan_cache_mode = ${mode}`);
        const [{ 'QUERY PLAN': [explained] }] = await tx.query<[{ 'QUERY PLAN': [{ Plan: PlanNode }] }]>(`EXPLAIN (ANALYZE, FORMAT JSON) ${PENDING_FOR_CONVERSATIONS_SQL}`, [[quiet.conversationId, randomUUID()]]);
        return explained.Plan;
      });
      expect(rowsScanned(plan)).toBeLessThan(50);
    });

    it('still lets the sweep find the oldest pending rows through its index', async () => {
      const [{ 'QUERY PLAN': [explained] }] = await db.query<[{ 'QUERY PLAN': [{ Plan: PlanNode }] }]>(
        `EXPLAIN (ANALYZE, FORMAT JSON) SELECT o.id FROM outbox o WHERE o.status = 'pending' AND o.created_at < $1 ORDER BY o.created_at LIMIT $2`,
        [new Date(Date.now() + 60_000), 10],
      );
      expect(JSON.stringify(explained.Plan)).toContain('idx_outbox_pending_created_at');
      expect(rowsScanned(explained.Plan)).toBeLessThan(50);
    });
  });
});
