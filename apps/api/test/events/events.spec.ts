// External events (POST /api/events) and agents' conversation actions, through the real app on
// real PostgreSQL: stored once, routed on the `events` queue to waiting sessions and commerce
// flows (the demo cart-recovery journey), hand-back/resolve resuming a visitor's handoff.
import { randomUUID } from 'node:crypto';
import { JOURNEY_TEMPLATES } from '@jornada/flow-engine';
import type { DataSource } from 'typeorm';
import { templateDocument, toStoredDocument } from '../../src/flows/flow-document.js';
import { Clock } from '../../src/runtime/clock.js';
import { FireTimerUseCase } from '../../src/runtime/fire-timer.use-case.js';
import { ProcessInboundEventUseCase } from '../../src/runtime/process-inbound-event.use-case.js';
import { RecordInboundEventUseCase } from '../../src/runtime/record-inbound-event.use-case.js';
import { AccountKit, call, type Person } from '../accounts/account-kit.js';
import { FakeClock, publish } from '../runtime/runtime-fixtures.js';
import { createTestApp, type TestApp } from '../support/create-test-app.js';

const CART = {
  token: 'cart-tok-1',
  total: 349.8,
  recovery_path: 'checkout/recover/cart-tok-1',
  items: [{ title: 'Tênis Corrida Azul', quantity: 1, price: 299.9, image_url: 'https://cdn.loja.com/p/tenis-azul.jpg' }],
};

function template(id: string): Record<string, unknown> {
  const found = JOURNEY_TEMPLATES.find((t) => t.id === id);
  if (found === undefined) throw new Error(`no template ${id}`);
  return toStoredDocument(templateDocument(found, 'pt-BR'));
}

describe('external events and conversation actions', () => {
  let api: TestApp;
  let db: DataSource;
  const clock = new FakeClock(new Date());
  let shop: string;
  let other: string;
  let owner: Person;
  let agent: Person;
  let outsider: Person;
  let apiKey: string;
  let cartFlow: string;

  beforeAll(async () => {
    api = await createTestApp({ env: { BODY_LIMIT: '64kb' }, override: (builder) => builder.overrideProvider(Clock).useValue(clock) });
    db = api.database.dataSource;
    const kit = await AccountKit.create(db);
    shop = await kit.workspace('Loja');
    other = await kit.workspace('Outra');
    owner = await kit.person(shop, 'owner');
    agent = await kit.person(shop, 'agent');
    outsider = await kit.person(other, 'owner');
    const created = await call(api, 'POST', '/api/api-keys', { token: owner.token, body: { name: 'store', role: 'editor' } });
    expect(created.status).toBe(201);
    apiKey = created.body.key as string;
    cartFlow = (await publish(db, { workspaceId: shop, document: template('cart-recovery') })).flowId;
    await publish(db, { workspaceId: shop, document: template('visitor-question') });
  });
  afterAll(() => api.close());

  const postEvent = (body: unknown, token = apiKey) => call(api, 'POST', '/api/events', { token, body });

  async function processed(eventId: string): Promise<{ status: string; outcome: { resumed: string[]; started: { sessionId: string }[]; skipped: unknown[] } }> {
    for (let i = 0; i < 300; i += 1) {
      const rows = await db.query<{ status: string; outcome: never }[]>(`SELECT status, outcome FROM external_events WHERE id = $1`, [eventId]);
      if (rows[0] !== undefined && rows[0].status !== 'received') return rows[0];
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`event ${eventId} was not processed`);
  }

  const sessionState = async (sessionId: string) =>
    (await db.query<{ status: string; state: { wait: { nodeId: string; kind: string } | null } }[]>(`SELECT status, state FROM flow_sessions WHERE id = $1`, [sessionId]))[0];

  it('stores an event posted 5 times (concurrently) once: one row, one eventId, four duplicates', async () => {
    const body = { name: 'loyalty.points_earned', id: `evt-${randomUUID()}`, contact: { email: 'ana@example.com' }, data: { points: 10 } };
    const answers = await Promise.all(Array.from({ length: 5 }, () => postEvent(body)));
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202, 202, 202]);
    expect(new Set(answers.map((a) => a.body.eventId)).size).toBe(1);
    expect(answers.filter((a) => a.body.duplicate === false)).toHaveLength(1);
    expect(await db.query(`SELECT count(*)::int AS n FROM external_events WHERE workspace_id = $1 AND external_id = $2`, [shop, body.id])).toEqual([{ n: 1 }]);
    // Nothing waits for it and it is no commerce event: routed, ignored; the contact was created.
    expect((await processed(answers[0]?.body.eventId as string)).status).toBe('ignored');
    expect(await db.query(`SELECT count(*)::int AS n FROM contacts WHERE workspace_id = $1 AND email = 'ana@example.com'`, [shop])).toEqual([{ n: 1 }]);
  });

  it('refuses bad input naming the field, oversized data with 413, and anonymous callers', async () => {
    const bad = await postEvent({ name: 'Order Created', id: 'x', contact: { phone: '+5511987650000' }, data: {} });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([expect.objectContaining({ field: 'name' })]);
    const noContact = await postEvent({ name: 'order.created', id: 'y', contact: {}, data: {} });
    expect(noContact.status).toBe(400);
    expect(noContact.body.error.details).toEqual([expect.objectContaining({ field: 'contact' })]);
    const badPhone = await postEvent({ name: 'order.created', id: 'z', contact: { phone: '123' }, data: {} });
    expect(badPhone.body.error.details).toEqual([expect.objectContaining({ field: 'contact.phone' })]);
    const noData = await postEvent({ name: 'order.created', id: 'w', contact: { email: 'a@example.com' } });
    expect(noData.body.error.details).toEqual([expect.objectContaining({ field: 'data' })]);
    const huge = await postEvent({ name: 'order.created', id: 'h', contact: { email: 'a@example.com' }, data: { blob: 'x'.repeat(100_000) } });
    expect(huge.status).toBe(413);
    expect((await call(api, 'POST', '/api/events', { body: { name: 'a.b', id: '1', contact: { email: 'a@example.com' }, data: {} } })).status).toBe(401);
    expect((await postEvent({ name: 'a.b', id: 'agent', contact: { email: 'a@example.com' }, data: {} }, agent.token)).status).toBe(403);
  });

  it('cart.abandoned starts the cart-recovery flow for a contact with a phone; a matching order converts it, another is ignored', async () => {
    const phone = '+5511987651234';
    const abandoned = await postEvent({ name: 'cart.abandoned', id: `cart-${randomUUID()}`, contact: { phone, name: 'Maria Silva' }, data: CART });
    expect(abandoned.status).toBe(202);
    const routed = await processed(abandoned.body.eventId as string);
    expect(routed.status).toBe('processed');
    const sessionId = routed.outcome.started[0]?.sessionId as string;
    const session = await db.query<{ flow_id: string; channel: string; contact_phone: string }[]>(
      `SELECT s.flow_id, c.channel, k.phone AS contact_phone FROM flow_sessions s JOIN conversations c ON c.id = s.conversation_id JOIN contacts k ON k.id = c.contact_id WHERE s.id = $1`,
      [sessionId],
    );
    expect(session).toEqual([{ flow_id: cartFlow, channel: 'whatsapp', contact_phone: phone }]);
    // The first timer (wait 1 h) is scheduled.
    const timers = await db.query<{ timer_id: string; node_id: string; status: string }[]>(`SELECT timer_id, node_id, status FROM session_timers WHERE session_id = $1`, [sessionId]);
    expect(timers).toEqual([expect.objectContaining({ node_id: 'wait_1h', status: 'pending' })]);

    // A second cart.abandoned while it runs starts nothing.
    const again = await postEvent({ name: 'cart.abandoned', id: `cart-${randomUUID()}`, contact: { phone }, data: CART });
    const second = await processed(again.body.eventId as string);
    expect(second.outcome.started).toEqual([]);
    expect(second.outcome.skipped).toEqual([{ flowId: cartFlow, reason: expect.stringContaining('already running') }]);

    // An hour later the reminder goes out and the session waits for the order.
    clock.advance(61 * 60 * 1000);
    await api.app.get(FireTimerUseCase).execute({ workspaceId: shop, timerId: timers[0]?.timer_id as string });
    expect((await sessionState(sessionId))?.state.wait).toMatchObject({ kind: 'event', nodeId: 'wait_order' });

    const otherOrder = await postEvent({ name: 'order.created', id: `ord-${randomUUID()}`, contact: { phone }, data: { cart_token: 'another-cart', total: 10, number: '1' } });
    expect((await processed(otherOrder.body.eventId as string)).outcome.resumed).toEqual([]);
    expect((await sessionState(sessionId))?.state.wait).toMatchObject({ nodeId: 'wait_order' });

    const order = await postEvent({ name: 'order.created', id: `ord-${randomUUID()}`, contact: { phone }, data: { cart_token: 'cart-tok-1', total: 349.8, number: '10023' } });
    expect((await processed(order.body.eventId as string)).outcome.resumed).toEqual([sessionId]);
    expect(await db.query(`SELECT kind, value::float AS value FROM conversions WHERE session_id = $1`, [sessionId])).toEqual([{ kind: 'cart_recovered', value: 349.8 }]);
    expect((await sessionState(sessionId))?.status).toBe('ended');
  });

  it('skips a commerce flow for a contact it cannot reach (no conversation, no phone), with a note', async () => {
    const event = await postEvent({ name: 'cart.abandoned', id: `cart-${randomUUID()}`, contact: { email: 'nophone@example.com' }, data: CART });
    const routed = await processed(event.body.eventId as string);
    expect(routed.status).toBe('ignored');
    expect(routed.outcome.skipped).toEqual([{ flowId: cartFlow, reason: expect.stringContaining('no phone') }]);
  });

  describe('hand-back and resolve', () => {
    async function visitorInHandoff(): Promise<{ conversationId: string; sessionId: string }> {
      const sender = `+55119${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
      const record = api.app.get(RecordInboundEventUseCase);
      const processInbound = api.app.get(ProcessInboundEventUseCase);
      for (const text of ['oi', 'vocês entregam em Manaus?']) {
        const { eventId } = await record.execute({ workspaceId: shop, channel: 'whatsapp', providerKey: randomUUID(), sender, message: { kind: 'text', text } });
        await processInbound.execute({ workspaceId: shop, eventId });
      }
      const rows = await db.query<{ conversation_id: string; id: string; cstatus: string }[]>(
        `SELECT s.conversation_id, s.id, c.status AS cstatus FROM flow_sessions s JOIN conversations c ON c.id = s.conversation_id
           JOIN contacts k ON k.id = c.contact_id WHERE k.workspace_id = $1 AND k.phone = $2`,
        [shop, sender],
      );
      expect(rows).toEqual([expect.objectContaining({ cstatus: 'handoff' })]);
      return { conversationId: rows[0]?.conversation_id as string, sessionId: rows[0]?.id as string };
    }

    it('hand-back resumes the visitor flow on its returned path (the menu); 409 when not in handoff', async () => {
      const { conversationId, sessionId } = await visitorInHandoff();
      const answer = await call(api, 'POST', `/api/conversations/${conversationId}/hand-back`, { token: agent.token });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ conversationId, status: 'open', session: { id: sessionId, resumed: true } });
      expect((await sessionState(sessionId))?.state.wait).toMatchObject({ nodeId: 'menu' });
      const again = await call(api, 'POST', `/api/conversations/${conversationId}/hand-back`, { token: agent.token });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('conversation_not_in_handoff');
    });

    it('resolve resumes the resolved path: the CSAT question is asked', async () => {
      const { conversationId, sessionId } = await visitorInHandoff();
      const answer = await call(api, 'POST', `/api/conversations/${conversationId}/resolve`, { token: agent.token });
      expect(answer.status).toBe(200);
      expect(answer.body.session).toEqual({ id: sessionId, resumed: true });
      expect((await sessionState(sessionId))?.state.wait).toMatchObject({ nodeId: 'csat' });
      const sent = await db.query<{ text: string }[]>(`SELECT data->'message'->>'text' AS text FROM run_log_entries WHERE session_id = $1 AND kind = 'send' ORDER BY seq DESC LIMIT 1`, [sessionId]);
      expect(sent[0]?.text).toContain('Como você avalia o atendimento');
    });

    it('answers 404 for a conversation of another workspace (and for an unknown one)', async () => {
      const { conversationId, sessionId } = await visitorInHandoff();
      for (const action of ['hand-back', 'resolve']) {
        const answer = await call(api, 'POST', `/api/conversations/${conversationId}/${action}`, { token: outsider.token });
        expect(answer.status).toBe(404);
      }
      expect((await call(api, 'POST', `/api/conversations/${randomUUID()}/resolve`, { token: agent.token })).status).toBe(404);
      expect((await sessionState(sessionId))?.status).toBe('handoff');
    });
  });
});
