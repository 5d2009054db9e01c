// The sandbox conversation look-up runs on every message posted to the sandbox channel (the
// simulator, the runtime benchmark): it must touch the conversation and its contact's identity,
// not one row per sandbox contact of the workspace.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FIND_SANDBOX_CONVERSATION_SQL, SANDBOX_CHANNEL } from '../../src/channels/sandbox/sandbox-conversations.service.js';
import { createWorkspace } from '../flows/api-client.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

interface PlanNode {
  'Node Type': string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Join Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  Plans?: PlanNode[];
}

/** Rows every node of an executed plan produced or threw away. */
function rowsTouched(node: PlanNode): number {
  const own =
    node['Actual Rows'] * node['Actual Loops'] +
    (node['Rows Removed by Filter'] ?? 0) +
    (node['Rows Removed by Join Filter'] ?? 0) +
    (node['Rows Removed by Index Recheck'] ?? 0);
  return own + (node.Plans ?? []).reduce((sum, child) => sum + rowsTouched(child), 0);
}

describe('sandbox conversation look-up', () => {
  let database: TestDatabase;
  let workspaceId = '';
  let conversationId = '';

  beforeAll(async () => {
    database = await createTestDatabase();
    workspaceId = await createWorkspace(database.dataSource, { name: 'Busy sandbox' });
    // 2,000 simulated contacts, each with its sandbox identity and conversation.
    await database.dataSource.query(
      `WITH c AS (
         INSERT INTO contacts (workspace_id, name) SELECT $1, 'Contact ' || n FROM generate_series(1, 2000) n RETURNING id
       ), i AS (
         INSERT INTO contact_identities (workspace_id, contact_id, channel, external_id) SELECT $1, id, $2, 'sandbox-' || id FROM c RETURNING contact_id
       )
       INSERT INTO conversations (workspace_id, contact_id, channel) SELECT $1, contact_id, $2 FROM i`,
      [workspaceId, SANDBOX_CHANNEL],
    );
    const rows = await database.dataSource.query<{ id: string }[]>(`SELECT id FROM conversations ORDER BY random() LIMIT 1`);
    conversationId = (rows[0] as { id: string }).id;
  });
  afterAll(() => database.drop());

  it('finds the conversation and its sender', async () => {
    const rows = await database.dataSource.query<{ id: string; external_id: string }[]>(FIND_SANDBOX_CONVERSATION_SQL, [conversationId, workspaceId, SANDBOX_CHANNEL]);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id).toBe(conversationId);
    expect(rows[0]?.external_id).toMatch(/^sandbox-/);
  });

  it('touches a handful of rows however many sandbox contacts the workspace has', async () => {
    const plan = await database.dataSource.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }[]>(`EXPLAIN (ANALYZE, FORMAT JSON) ${FIND_SANDBOX_CONVERSATION_SQL}`, [
      conversationId,
      workspaceId,
      SANDBOX_CHANNEL,
    ]);
    const root = (plan[0] as { 'QUERY PLAN': [{ Plan: PlanNode }] })['QUERY PLAN'][0].Plan;
    expect(rowsTouched(root)).toBeLessThan(20);
  });
});
