// The run history API: sessions of flows (filters, pages, simulations apart) and each one's run log.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { callerFor, createWorkspace, HeaderAuthenticator, type Caller } from '../flows/api-client.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { startRuntimeApp, type RuntimeApp } from './runtime-app.js';
import { echoFlow, publish, waitFlow } from './runtime-fixtures.js';
import { eventually, SandboxClient } from './sandbox-client.js';

interface Summary {
  id: string;
  flowId: string;
  flowVersion: number;
  status: string;
  waitingAt: string | null;
  simulation: boolean;
}

describe('sessions and run logs', () => {
  let database: TestDatabase;
  let api: RuntimeApp;
  let owner: Caller;
  let agent: Caller;
  let outsider: Caller;
  let client: SandboxClient;
  let echoFlowId = '';
  let waitFlowId = '';
  let conversationId = '';

  beforeAll(async () => {
    database = await createTestDatabase();
    const workspaceId = await createWorkspace(database.dataSource, { name: 'History shop' });
    api = await startRuntimeApp({ database, backend: 'postgres', authenticator: new HeaderAuthenticator() });
    owner = callerFor(api.url, { workspaceId, role: 'owner' });
    agent = callerFor(api.url, { workspaceId, role: 'agent' });
    outsider = callerFor(api.url, { workspaceId: await createWorkspace(database.dataSource, { name: 'Other' }), role: 'owner' });
    client = new SandboxClient(() => api.url, { 'x-test-workspace': workspaceId, 'x-test-role': 'owner' });
    echoFlowId = (await publish(database.dataSource, { workspaceId, document: echoFlow('Echo', { kind: 'keyword', keywords: ['echo'] }, 'E') })).flowId;
    waitFlowId = (await publish(database.dataSource, { workspaceId, document: waitFlow('wait', { amount: 1, unit: 'hours' }) })).flowId;

    conversationId = await client.newConversation();
    await client.say(conversationId, { text: 'echo' });
    await client.sentOut(conversationId, 1);
    for (const word of ['one', 'two', 'three']) await client.say(conversationId, { text: word });
    await client.sentOut(conversationId, 7);
    const other = await client.newConversation();
    await client.say(other, { text: 'wait' });
    await client.sentOut(other, 1);
  });
  afterAll(async () => {
    await api.close();
    await database.drop();
  });

  it('lists sessions newest first, filtered by flow, status or conversation, in pages', async () => {
    const all = await owner.request<{ items: Summary[]; nextCursor: string | null }>('GET', '/api/sessions');
    expect(all.status).toBe(200);
    expect(all.body.items.map((s) => s.flowId)).toEqual([waitFlowId, echoFlowId]);
    expect(all.body.items[0]).toMatchObject({ status: 'waiting', waitingAt: 'pause', flowVersion: 1, simulation: false });

    const echo = await owner.request<{ items: Summary[] }>('GET', `/api/sessions?flowId=${echoFlowId}&status=waiting`);
    expect(echo.body.items.map((s) => s.flowId)).toEqual([echoFlowId]);
    expect((await owner.request<{ items: Summary[] }>('GET', `/api/sessions?conversationId=${conversationId}`)).body.items).toHaveLength(1);

    const first = await owner.request<{ items: Summary[]; nextCursor: string | null }>('GET', '/api/sessions?limit=1');
    expect(first.body.items).toHaveLength(1);
    const second = await owner.request<{ items: Summary[]; nextCursor: string | null }>('GET', `/api/sessions?limit=1&cursor=${String(first.body.nextCursor)}`);
    expect(second.body.items.map((s) => s.id)).toEqual([all.body.items[1]?.id]);
    expect(second.body.nextCursor).toBeNull();
  });

  it('shows a session with its variables, and its run log in order, in pages', async () => {
    const [session] = (await owner.request<{ items: Summary[] }>('GET', `/api/sessions?flowId=${echoFlowId}`)).body.items;
    const detail = await owner.request('GET', `/api/sessions/${String(session?.id)}`);
    expect(detail.body).toMatchObject({ id: session?.id, status: 'waiting', variables: { answer: 'three' }, wait: { kind: 'reply', nodeId: 'ask' } });

    const log = await owner.request<{ items: { seq: number; kind: string; data: Record<string, unknown> }[]; nextAfter: number | null }>('GET', `/api/sessions/${String(session?.id)}/log`);
    const sends = log.body.items.filter((e) => e.kind === 'send').map((e) => (e.data['message'] as { text: string }).text);
    expect(sends).toEqual(['E ask', 'E one', 'E ask', 'E two', 'E ask', 'E three', 'E ask']);
    const seqs = log.body.items.map((e) => e.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);

    const page = await owner.request<{ items: { seq: number }[]; nextAfter: number | null }>('GET', `/api/sessions/${String(session?.id)}/log?limit=3`);
    expect(page.body.items.map((e) => e.seq)).toEqual(seqs.slice(0, 3));
    const next = await owner.request<{ items: { seq: number }[] }>('GET', `/api/sessions/${String(session?.id)}/log?limit=3&after=${String(page.body.nextAfter)}`);
    expect(next.body.items.map((e) => e.seq)).toEqual(seqs.slice(3, 6));

    // Pages of two, across steps (a step's entries share a row): every entry once, in order.
    const paged: number[] = [];
    let after: number | null = 0;
    while (after !== null) {
      const response: { body: { items: { seq: number }[]; nextAfter: number | null } } = await owner.request('GET', `/api/sessions/${String(session?.id)}/log?limit=2&after=${String(after)}`);
      paged.push(...response.body.items.map((e) => e.seq));
      after = response.body.nextAfter;
    }
    expect(paged).toEqual(seqs);
  });

  it('leaves simulations out unless asked', async () => {
    const simulation = await owner.request('POST', `/api/flows/${echoFlowId}/simulate`, {});
    expect(simulation.status).toBe(201);
    await eventually(async () => ((await owner.request<{ items: Summary[] }>('GET', '/api/sessions?simulations=true')).body.items.length === 3 ? true : undefined));
    const withSimulations = (await owner.request<{ items: Summary[] }>('GET', '/api/sessions?simulations=true')).body.items;
    expect(withSimulations[0]).toMatchObject({ simulation: true, flowVersion: 0, flowId: echoFlowId });
    expect((await owner.request<{ items: Summary[] }>('GET', '/api/sessions')).body.items).toHaveLength(2);
  });

  it('answers 404 to another workspace, 403 to agents and 400 to bad filters', async () => {
    const [session] = (await owner.request<{ items: Summary[] }>('GET', '/api/sessions')).body.items;
    expect((await outsider.request('GET', `/api/sessions/${String(session?.id)}`)).status).toBe(404);
    expect((await outsider.request('GET', `/api/sessions/${String(session?.id)}/log`)).status).toBe(404);
    expect((await outsider.request<{ items: unknown[] }>('GET', '/api/sessions')).body.items).toEqual([]);
    expect((await agent.request('GET', '/api/sessions')).status).toBe(403);
    expect((await owner.request('GET', '/api/sessions/nope')).status).toBe(404);
    for (const query of ['flowId=x', 'status=sleeping', 'limit=0', 'cursor=garbage', 'simulations=yes', 'color=red']) {
      const response = await owner.request('GET', `/api/sessions?${query}`);
      expect([query, response.status]).toEqual([query, 400]);
    }
    for (const query of ['after=-1', 'after=1e20', 'after=x', 'limit=1001']) {
      const response = await owner.request('GET', `/api/sessions/${String(session?.id)}/log?${query}`);
      expect([query, response.status]).toEqual([query, 400]);
    }
  });
});
