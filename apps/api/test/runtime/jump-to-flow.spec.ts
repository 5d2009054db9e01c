// The "jump to flow" node's effect, performed by the outbound queue: the target flow starts in
// the same conversation with the variables handed over, or the refusal is recorded.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { startRuntimeApp, type RuntimeApp } from './runtime-app.js';
import { publish, seedWorkspace } from './runtime-fixtures.js';
import { eventually, SandboxClient, textOf } from './sandbox-client.js';

const ui = { positions: {}, viewport: { x: 0, y: 0, zoom: 1 } };
const settings = { channels: ['sandbox'], stepBudget: 200 };

function jumper(keyword: string, targetFlowId: string): Record<string, unknown> {
  return {
    schemaVersion: 1,
    name: `Jump ${keyword}`,
    triggers: [{ id: 'start', type: 'inbound_message', match: { kind: 'keyword', keywords: [keyword] } }],
    nodes: [
      { id: 'hello', type: 'message', data: { text: 'in the first flow' } },
      { id: 'remember', type: 'set_variable', data: { assignments: [{ variable: 'coupon', value: '"VOLTA10"' }] } },
      { id: 'jump', type: 'jump_to_flow', data: { flowId: targetFlowId } },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'hello' },
      { id: 'e2', source: 'hello', sourceHandle: 'next', target: 'remember' },
      { id: 'e3', source: 'remember', sourceHandle: 'next', target: 'jump' },
    ],
    variables: [{ name: 'coupon', type: 'text' }],
    settings,
    ui,
  };
}

function target(withManualTrigger: boolean): Record<string, unknown> {
  return {
    schemaVersion: 1,
    name: withManualTrigger ? 'Offer' : 'Keyword only',
    triggers: [withManualTrigger ? { id: 'manual', type: 'manual' } : { id: 'kw', type: 'inbound_message', match: { kind: 'keyword', keywords: ['offer'] } }],
    nodes: [{ id: 'offer', type: 'message', data: { text: 'in the second flow, coupon {{coupon}}' } }],
    edges: [{ id: 'e1', source: withManualTrigger ? 'manual' : 'kw', sourceHandle: 'next', target: 'offer' }],
    variables: [{ name: 'coupon', type: 'text' }],
    settings,
    ui,
  };
}

describe('jump to flow', () => {
  let database: TestDatabase;
  let api: RuntimeApp;
  let ws = '';
  const client = new SandboxClient(() => api.url);

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startRuntimeApp({ database, backend: 'postgres', principal: () => ({ userId: 'u1', workspaceId: ws, role: 'owner' }) });
    ws = await seedWorkspace(database.dataSource, 'Jump shop');
    const offer = await publish(database.dataSource, { workspaceId: ws, document: target(true) });
    const keywordOnly = await publish(database.dataSource, { workspaceId: ws, document: target(false) });
    await publish(database.dataSource, { workspaceId: ws, document: jumper('jump', offer.flowId) });
    await publish(database.dataSource, { workspaceId: ws, document: jumper('broken', keywordOnly.flowId) });
  });
  afterAll(async () => {
    await api.close();
    await database.drop();
  });

  it('starts the target flow in the same conversation, handing over the variables', async () => {
    const id = await client.newConversation();
    await client.say(id, { text: 'jump' });
    const out = await client.sentOut(id, 2);
    expect(out.map(textOf)).toEqual(['in the first flow', 'in the second flow, coupon VOLTA10']);
    const sessions = await database.dataSource.query<{ status: string; name: string }[]>(
      `SELECT s.status, f.name FROM flow_sessions s JOIN flows f ON f.id = s.flow_id WHERE s.conversation_id = $1 ORDER BY s.started_at, s.id`,
      [id],
    );
    expect(sessions.map((s) => s.name).sort()).toEqual(['Jump jump', 'Offer']);
    expect(sessions.every((s) => s.status === 'ended')).toBe(true);
  });

  it('records why a jump cannot start (no manual trigger) in the run log of the jumping session', async () => {
    const id = await client.newConversation();
    await client.say(id, { text: 'broken' });
    await client.sentOut(id, 1);
    const [failed] = await eventually(async () => {
      const rows = await database.dataSource.query<{ status: string; session_id: string }[]>(
        `SELECT o.status, o.session_id FROM outbox o JOIN flow_sessions s ON s.id = o.session_id WHERE s.conversation_id = $1 AND o.type = 'start_flow'`,
        [id],
      );
      return rows[0]?.status === 'failed' ? rows : undefined;
    });
    const log = await database.dataSource.query<{ data: Record<string, unknown> }[]>(`SELECT data FROM run_log_entries WHERE session_id = $1 AND kind = 'error'`, [failed?.session_id]);
    expect(log).toEqual([{ data: expect.objectContaining({ effectType: 'start_flow', errorClass: 'user', error: expect.stringMatching(/has no manual start trigger/) }) }]);
    expect((await client.thread(id)).filter((m) => m.direction === 'out').map(textOf)).toEqual(['in the first flow']);
  });
});
