// The builder's simulator through the real runtime (queues, timers, effects): a flow's draft,
// not its published version; the cart-recovery journey to its converted branch and to its
// reminder branch; skip-wait; the path and variables for the canvas; and its bad input.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { callerFor, createWorkspace, HeaderAuthenticator, sampleDocument, type Caller } from '../flows/api-client.js';
import { deleteRedisKeys, startRuntimeApp, type RuntimeApp } from '../runtime/runtime-app.js';
import { eventually, type ThreadMessage } from '../runtime/sandbox-client.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

interface SimulationState {
  sessionId: string | null;
  status: string | null;
  waitingAt: string | null;
  waitingFor: string | null;
  variables: Record<string, unknown>;
  timers: { nodeId: string; fireAt: string }[];
  path: { nodeId: string; output?: string }[];
  problems: Record<string, unknown>[];
}

describe('the simulator', () => {
  let database: TestDatabase;
  let api: RuntimeApp;
  let editor: Caller;
  let agent: Caller;
  let outsider: Caller;
  let cartFlowId = '';

  const state = async (id: string) => (await editor.request<SimulationState>('GET', `/api/simulations/${id}`)).body;
  const waitUntil = (id: string, predicate: (s: SimulationState) => boolean, what: string) =>
    eventually(async () => {
      const current = await state(id);
      return predicate(current) ? current : undefined;
    }, { what });
  const outbound = async (id: string) =>
    ((await editor.request<ThreadMessage[]>('GET', `/api/simulations/${id}/messages`)).body ?? []).filter((m) => m.direction === 'out' && m.status === 'sent');
  const sentCount = (id: string, count: number) => eventually(async () => ((await outbound(id)).length >= count ? outbound(id) : undefined), { what: `${String(count)} message(s) sent` });

  beforeAll(async () => {
    database = await createTestDatabase();
    const workspaceId = await createWorkspace(database.dataSource, { name: 'Loja Sim', locale: 'en' });
    // The header authenticator lets one app serve several callers (roles, workspaces).
    api = await startRuntimeApp({ database, backend: 'postgres', authenticator: new HeaderAuthenticator() });
    editor = callerFor(api.url, { workspaceId, role: 'editor' });
    agent = callerFor(api.url, { workspaceId, role: 'agent' });
    outsider = callerFor(api.url, { workspaceId: await createWorkspace(database.dataSource, { name: 'Other' }), role: 'owner' });
    const created = await editor.request('POST', '/api/flows', { name: 'Carts', templateId: 'cart-recovery', locale: 'en' });
    expect(created.status).toBe(201);
    cartFlowId = created.body.id as string;
  });
  afterAll(async () => {
    await api.close();
    await database.drop();
    await deleteRedisKeys(api.redisPrefix);
  });

  it('runs the cart-recovery draft with a sample cart to the converted branch', async () => {
    const started = await editor.request('POST', `/api/flows/${cartFlowId}/simulate`, { channel: 'whatsapp' });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ flowId: cartFlowId, channel: 'whatsapp', triggerId: 'cart_abandoned', sessionId: expect.any(String) });
    const id = started.body.id as string;

    const waiting = await waitUntil(id, (s) => s.waitingAt === 'wait_1h', 'the one-hour wait');
    expect(waiting).toMatchObject({ status: 'waiting', waitingFor: 'timer', timers: [{ nodeId: 'wait_1h', fireAt: expect.any(String) }] });
    expect(waiting.variables['cart']).toMatchObject({ token: 'cart-7f3a9c', total: 259.8 });
    expect(waiting.path.map((p) => p.nodeId)).toEqual(['cart_abandoned', 'check_opt_out', 'wait_1h']);

    const skipped = await editor.request('POST', `/api/simulations/${id}/skip-wait`);
    expect(skipped).toMatchObject({ status: 200, body: { nodeId: 'wait_1h', status: 'fired' } });
    const [reminder] = await sentCount(id, 1);
    expect(reminder).toMatchObject({ kind: 'template', content: { name: 'abandoned_cart_reminder', body: ['Ana', 'Lightweight running shoe'] } });
    await waitUntil(id, (s) => s.waitingAt === 'wait_order', 'the wait for an order');

    // The sample order of the sample cart: the customer bought.
    const bought = await editor.request('POST', `/api/simulations/${id}/events`, { name: 'order.created' });
    expect(bought).toMatchObject({ status: 200, body: { outcome: 'advanced' } });
    const messages = await sentCount(id, 2);
    expect(messages[1]).toMatchObject({ kind: 'template', content: { name: 'purchase_thank_you', body: ['Ana', '1042'] } });
    const ended = await waitUntil(id, (s) => s.status === 'ended', 'the end');
    expect(ended.path.map((p) => p.nodeId)).toEqual(expect.arrayContaining(['wait_order', 'converted', 'thank', 'done']));
    // Entered, then left by its "received" output: the canvas highlights that edge.
    expect(ended.path.filter((p) => p.nodeId === 'wait_order')).toEqual([expect.not.objectContaining({ output: expect.anything() }), expect.objectContaining({ output: 'received' })]);
  });

  it('runs it to the reminder branch with skip-wait, and says when there is nothing left to skip', async () => {
    const id = (await editor.request('POST', `/api/flows/${cartFlowId}/simulate`, {})).body.id as string;
    await waitUntil(id, (s) => s.waitingAt === 'wait_1h', 'the one-hour wait');
    await editor.request('POST', `/api/simulations/${id}/skip-wait`);
    await waitUntil(id, (s) => s.waitingAt === 'wait_order', 'the first wait for an order');
    expect((await editor.request('POST', `/api/simulations/${id}/skip-wait`)).body).toMatchObject({ nodeId: 'wait_order', status: 'fired' });
    const messages = await sentCount(id, 2);
    expect(messages[1]).toMatchObject({ kind: 'template', content: { name: 'abandoned_cart_coupon', body: ['Ana', '10%', 'VOLTA10'] } });
    await waitUntil(id, (s) => s.waitingAt === 'wait_order_2', 'the second wait for an order');
    await editor.request('POST', `/api/simulations/${id}/skip-wait`);
    const ended = await waitUntil(id, (s) => s.status === 'ended', 'the end');
    expect(ended.path.map((p) => p.nodeId)).toEqual(expect.arrayContaining(['coupon', 'wait_order_2', 'tag_lost', 'done']));
    expect(await editor.request('POST', `/api/simulations/${id}/skip-wait`)).toMatchObject({ status: 409, body: { error: { code: 'nothing_to_skip' } } });
  });

  it('simulates the draft, not the published version, and a simulation never starts published flows', async () => {
    const created = await editor.request('POST', '/api/flows', { name: 'Greeter', document: sampleDocument({ text: 'Published hello' }) });
    const flowId = created.body.id as string;
    expect((await editor.request('POST', `/api/flows/${flowId}/publish`, {})).status).toBe(200);
    const draft = await editor.request('GET', `/api/flows/${flowId}`);
    const saved = await editor.request('PUT', `/api/flows/${flowId}/draft`, { document: sampleDocument({ name: 'Greeter', text: 'Draft hello' }), revision: draft.body.draftRevision });
    expect(saved.status).toBe(200);

    const id = (await editor.request('POST', `/api/flows/${flowId}/simulate`, { message: 'hi there' })).body.id as string;
    const [hello] = await sentCount(id, 1);
    expect(hello?.content['text']).toBe('Draft hello');
    const thread = (await editor.request<ThreadMessage[]>('GET', `/api/simulations/${id}/messages`)).body;
    expect(thread[0]).toMatchObject({ direction: 'in', content: { text: 'hi there' } });
    await waitUntil(id, (s) => s.status === 'ended', 'the end');

    // The published flow answers any message, but not in a simulation whose draft has ended.
    expect((await editor.request('POST', `/api/simulations/${id}/messages`, { text: 'again' })).status).toBe(202);
    await eventually(async () => {
      const rows = await database.dataSource.query<{ status: string }[]>(`SELECT e.status FROM inbound_events e WHERE e.provider_key IN (SELECT provider_message_id FROM messages WHERE conversation_id = $1 AND direction = 'in')`, [id]);
      return rows.some((r) => r.status === 'ignored') ? true : undefined;
    }, { what: 'the message ignored' });
    expect(await outbound(id)).toHaveLength(1);
  });

  it('refuses bad input with a clear 4xx, other workspaces with 404 and agents with 403', async () => {
    expect(await editor.request('POST', `/api/flows/${cartFlowId}/simulate`, { triggerId: 'nope' })).toMatchObject({
      status: 400,
      body: { error: { code: 'validation_failed', details: [{ field: 'triggerId', message: 'one of: cart_abandoned' }] } },
    });
    expect((await editor.request('POST', `/api/flows/${cartFlowId}/simulate`, { channel: 'fax' })).status).toBe(400);
    expect((await editor.request('POST', `/api/flows/${cartFlowId}/simulate`, { surprise: 1 })).status).toBe(400);
    expect((await editor.request('POST', '/api/flows/not-a-uuid/simulate', {})).status).toBe(404);
    expect((await outsider.request('POST', `/api/flows/${cartFlowId}/simulate`, {})).status).toBe(404);
    expect((await agent.request('POST', `/api/flows/${cartFlowId}/simulate`, {})).status).toBe(403);

    const id = (await editor.request('POST', `/api/flows/${cartFlowId}/simulate`, {})).body.id as string;
    for (const [method, path, body] of [
      ['GET', `/api/simulations/${id}`, undefined],
      ['GET', `/api/simulations/${id}/messages`, undefined],
      ['POST', `/api/simulations/${id}/messages`, { text: 'hi' }],
      ['POST', `/api/simulations/${id}/skip-wait`, undefined],
      ['POST', `/api/simulations/${id}/events`, { name: 'order.created' }],
    ] as const) {
      expect([method, path, (await outsider.request(method, path, body)).status]).toEqual([method, path, 404]);
    }
    expect((await editor.request('POST', `/api/simulations/${id}/events`, { name: 'Order Created' })).status).toBe(400);
  });
});
