// The sandbox conversation look-up runs on every message posted to the sandbox channel (the
// simulator, the runtime benchmark): it must touch the conversation and its contact's identity,
// not one row per sandbox contact of the workspace.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { FIND_SANDBOX_CONVERSATIONS_SQL, SANDBOX_CHANNEL, SandboxConversationsService } from '../../src/channels/sandbox/sandbox-conversations.service.js';
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
    const rows = await database.dataSource.query<{ id: string; workspace_id: string; channel: string; external_id: string }[]>(FIND_SANDBOX_CONVERSATIONS_SQL, [[conversationId]]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: conversationId, workspace_id: workspaceId, channel: SANDBOX_CHANNEL });
    expect(rows[0]?.external_id).toMatch(/^sandbox-/);
  });

  it('touches a handful of rows however many sandbox contacts the workspace has', async () => {
    const plan = await database.dataSource.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }[]>(`EXPLAIN (ANALYZE, FORMAT JSON) ${FIND_SANDBOX_CONVERSATIONS_SQL}`, [[conversationId]]);
    const root = (plan[0] as { 'QUERY PLAN': [{ Plan: PlanNode }] })['QUERY PLAN'][0].Plan;
    expect(rowsTouched(root)).toBeLessThan(20);
  });

  it('finds several conversations in one statement, touching a handful of rows each', async () => {
    const ids = (await database.dataSource.query<{ id: string }[]>(`SELECT id FROM conversations ORDER BY random() LIMIT 8`)).map((row) => row.id);
    const rows = await database.dataSource.query<{ id: string }[]>(FIND_SANDBOX_CONVERSATIONS_SQL, [ids]);
    expect(rows.map((row) => row.id).sort()).toEqual([...ids].sort());
    const plan = await database.dataSource.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }[]>(`EXPLAIN (ANALYZE, FORMAT JSON) ${FIND_SANDBOX_CONVERSATIONS_SQL}`, [ids]);
    const root = (plan[0] as { 'QUERY PLAN': [{ Plan: PlanNode }] })['QUERY PLAN'][0].Plan;
    expect(rowsTouched(root)).toBeLessThan(8 * 20);
  });

  it('answers each of many look-ups arriving together with its own conversation, or 404 for another workspace, channel or id', async () => {
    // Only the database is used by find().
    const service = new SandboxConversationsService(database.dataSource, ...([undefined, undefined, undefined, undefined, undefined] as unknown as [never, never, never, never, never]));
    const other = await createWorkspace(database.dataSource, { name: 'Other shop' });
    const [foreign] = await database.dataSource.query<{ id: string }[]>(
      `WITH c AS (INSERT INTO contacts (workspace_id, name) VALUES ($1, 'Elsewhere') RETURNING id, workspace_id),
            i AS (INSERT INTO contact_identities (workspace_id, contact_id, channel, external_id) SELECT workspace_id, id, $2, 'sandbox-' || id FROM c RETURNING contact_id, workspace_id)
       INSERT INTO conversations (workspace_id, contact_id, channel) SELECT workspace_id, contact_id, $2 FROM i RETURNING id`,
      [other, SANDBOX_CHANNEL],
    );
    const [whatsapp] = await database.dataSource.query<{ id: string }[]>(
      `WITH c AS (INSERT INTO contacts (workspace_id, name) VALUES ($1, 'On WhatsApp') RETURNING id, workspace_id),
            i AS (INSERT INTO contact_identities (workspace_id, contact_id, channel, external_id) SELECT workspace_id, id, 'whatsapp', '5511999990000' FROM c RETURNING contact_id, workspace_id)
       INSERT INTO conversations (workspace_id, contact_id, channel) SELECT workspace_id, contact_id, 'whatsapp' FROM i RETURNING id`,
      [workspaceId],
    );
    const own = (await database.dataSource.query<{ id: string }[]>(`SELECT id FROM conversations WHERE workspace_id = $1 AND channel = $2 ORDER BY random() LIMIT 12`, [workspaceId, SANDBOX_CHANNEL])).map((row) => row.id);
    const asks = [...own, foreign?.id as string, whatsapp?.id as string, '00000000-0000-4000-8000-000000000000', own[0] as string];
    const statements = jest.spyOn(database.dataSource, 'query');
    const answers = await Promise.all(asks.map((id) => service.find(workspaceId, id).then((found) => found, (error: unknown) => error)));
    // The first goes at once, alone; the rest wait for it and share the second.
    expect(statements).toHaveBeenCalledTimes(2);
    statements.mockRestore();
    own.forEach((id, n) => expect(answers[n]).toMatchObject({ id, sender: expect.stringMatching(/^sandbox-/) }));
    for (const refused of answers.slice(own.length, own.length + 3)) expect(refused).toMatchObject({ code: 'not_found' });
    expect(answers[asks.length - 1]).toMatchObject({ id: own[0] });
  });

  it('remembers a conversation it found: its next messages need no statement, and another workspace still gets 404', async () => {
    const service = new SandboxConversationsService(database.dataSource, ...([undefined, undefined, undefined, undefined, undefined] as unknown as [never, never, never, never, never]));
    const other = await createWorkspace(database.dataSource, { name: 'Third shop' });
    const [id, unseen] = (await database.dataSource.query<{ id: string }[]>(`SELECT id FROM conversations WHERE workspace_id = $1 AND channel = $2 ORDER BY random() LIMIT 2`, [workspaceId, SANDBOX_CHANNEL])).map((row) => row.id);
    const first = await service.find(workspaceId, id as string);
    const statements = jest.spyOn(database.dataSource, 'query');
    await expect(service.find(workspaceId, id as string)).resolves.toEqual(first);
    await expect(service.find(other, id as string)).rejects.toMatchObject({ code: 'not_found' });
    expect(statements).not.toHaveBeenCalled();
    // A conversation not found before is looked up.
    await expect(service.find(workspaceId, unseen as string)).resolves.toMatchObject({ id: unseen });
    expect(statements).toHaveBeenCalledTimes(1);
    statements.mockRestore();
  });

  it('does not remember an id that was not found: a conversation created afterwards is found', async () => {
    const service = new SandboxConversationsService(database.dataSource, ...([undefined, undefined, undefined, undefined, undefined] as unknown as [never, never, never, never, never]));
    const id = '00000000-0000-4000-8000-00000000abcd';
    await expect(service.find(workspaceId, id)).rejects.toMatchObject({ code: 'not_found' });
    await database.dataSource.query(
      `WITH c AS (INSERT INTO contacts (workspace_id, name) VALUES ($1, 'Late') RETURNING id, workspace_id),
            i AS (INSERT INTO contact_identities (workspace_id, contact_id, channel, external_id) SELECT workspace_id, id, $2, 'sandbox-' || id FROM c RETURNING contact_id, workspace_id)
       INSERT INTO conversations (id, workspace_id, contact_id, channel) SELECT $3, workspace_id, contact_id, $2 FROM i`,
      [workspaceId, SANDBOX_CHANNEL, id],
    );
    await expect(service.find(workspaceId, id)).resolves.toMatchObject({ id, sender: expect.stringMatching(/^sandbox-/) });
  });
});
