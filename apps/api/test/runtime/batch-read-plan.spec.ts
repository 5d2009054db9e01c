// A batch reads its events' identities and conversations through their keys, whatever the size
// of the workspace: the rows a transaction fetched from each table (pg_stat_xact_user_tables),
// with several hundred conversations in the workspace and statistics that know it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { InboundStepBatchRepository, type BatchedEvent } from '../../src/runtime/inbound-step-batch.repository.js';
import { createTestApp, type TestApp } from '../support/create-test-app.js';
import { fetchedBy, seedWorkspace } from './runtime-fixtures.js';

const CONVERSATIONS = 2000;

describe("a batch's reads in a workspace with many conversations", () => {
  let api: TestApp;
  let db: DataSource;
  let ws: string;

  beforeAll(async () => {
    api = await createTestApp();
    db = api.database.dataSource;
    ws = await seedWorkspace(db, 'Busy');
    await db.query(
      `WITH contact AS (
         INSERT INTO contacts (workspace_id, name) SELECT $1, 'Visitor ' || n FROM generate_series(1, ${String(CONVERSATIONS)}) AS n RETURNING id, name
       ), identity AS (
         INSERT INTO contact_identities (workspace_id, contact_id, channel, external_id) SELECT $1, id, 'sandbox', 'visitor-' || split_part(name, ' ', 2) FROM contact RETURNING contact_id
       )
       INSERT INTO conversations (workspace_id, contact_id, channel) SELECT $1, contact_id, 'sandbox' FROM identity`,
      [ws],
    );
    // A history of processed events from the same senders.
    await db.query(
      `INSERT INTO inbound_events (workspace_id, channel, provider_key, sender, payload, received_at, status, processed_at)
       SELECT $1, 'sandbox', 'old-' || n, 'visitor-' || (1 + n % ${String(CONVERSATIONS)}), '{}', now() - interval '1 hour', 'processed', now() FROM generate_series(1, 6000) AS n`,
      [ws],
    );
    await db.query(`ANALYZE contacts; ANALYZE contact_identities; ANALYZE conversations; ANALYZE inbound_events`);
  });
  afterAll(() => api.close());

  // Custom plans (the first runs of a prepared statement) and the generic plan it settles on.
  it.each(['auto', 'force_generic_plan'])('reads the rows of its own events only (plan_cache_mode %s)', async (mode) => {
    const senders = (mode === 'auto' ? [7, 700, 1170, 1970] : [8, 800, 1180, 1980]).map((n) => `visitor-${String(n)}`);
    const events: BatchedEvent[] = [];
    for (const sender of senders) {
      const [row] = await db.query<{ id: string }[]>(
        `INSERT INTO inbound_events (workspace_id, channel, provider_key, sender, payload, received_at) VALUES ($1, 'sandbox', $2, $3, '{}', now()) RETURNING id`,
        [ws, randomUUID(), sender],
      );
      events.push({ workspaceId: ws, eventId: (row as { id: string }).id, channel: 'sandbox', sender });
    }
    const repository = api.app.get(InboundStepBatchRepository);
    const tables = ['contact_identities', 'conversations', 'inbound_events', 'flow_sessions'];
    const { fetched, result } = await fetchedBy(db, tables, async (tx) => {
      await tx.query(`SET LOCAL plan_cache_mode = ${mode}`);
      const locked = await repository.readLocked(tx, events);
      await repository.runningSessions(tx, [...locked.values()].map((l) => l.conversation));
      return locked;
    });
    expect([...result.keys()].sort()).toEqual([0, 1, 2, 3]);
    expect(result.get(1)?.pending.map((e) => e.id)).toEqual([events[1]?.eventId]);
    // Before: every live conversation of the workspace matched to every event and each one's
    // identity looked up (2,000 identities read), or every inbound event read to find four (6,000).
    expect(Object.keys(fetched).sort()).toEqual([...tables].sort());
    expect(Object.entries(fetched).filter(([, rows]) => rows >= 50)).toEqual([]);
  });
});
