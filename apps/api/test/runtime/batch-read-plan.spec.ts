// A batch reads its events' identities and conversations through their keys, whatever the size
// of the workspace: the rows a transaction fetched from each table (pg_stat_xact_user_tables),
// with several hundred conversations in the workspace and statistics that know it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { InboundStepBatchRepository, type BatchedEvent } from '../../src/runtime/inbound-step-batch.repository.js';
import { createTestApp, type TestApp } from '../support/create-test-app.js';
import { fetchedBy, seedWorkspace } from './runtime-fixtures.js';

const CONVERSATIONS = 300;

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
    await db.query(`ANALYZE contacts; ANALYZE contact_identities; ANALYZE conversations`);
  });
  afterAll(() => api.close());

  it('reads the identities and conversations of its own senders only', async () => {
    const senders = ['visitor-7', 'visitor-70', 'visitor-170', 'visitor-270'];
    const events: BatchedEvent[] = [];
    for (const sender of senders) {
      const [row] = await db.query<{ id: string }[]>(
        `INSERT INTO inbound_events (workspace_id, channel, provider_key, sender, payload, received_at) VALUES ($1, 'sandbox', $2, $3, '{}', now()) RETURNING id`,
        [ws, randomUUID(), sender],
      );
      events.push({ workspaceId: ws, eventId: (row as { id: string }).id, channel: 'sandbox', sender });
    }
    const repository = api.app.get(InboundStepBatchRepository);
    const { fetched, result } = await fetchedBy(db, ['contact_identities', 'conversations'], (tx) => repository.readLocked(tx, events));
    expect([...result.keys()].sort()).toEqual([0, 1, 2, 3]);
    expect(result.get(1)?.pending).toHaveLength(1);
    // Before: every conversation of the workspace joined to every event, then each one's identity looked up (1,200 and 300 rows).
    expect(fetched['contact_identities']).toBeLessThan(20);
    expect(fetched['conversations']).toBeLessThan(20);
  });
});
