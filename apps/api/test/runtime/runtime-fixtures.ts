import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../src/runtime/clock.js';
import { ProcessInboundEventUseCase } from '../../src/runtime/process-inbound-event.use-case.js';
import { RecordInboundEventUseCase } from '../../src/runtime/record-inbound-event.use-case.js';
import type { TestApp } from '../support/create-test-app.js';

/** A clock the test moves by hand. */
export class FakeClock extends Clock {
  constructor(private current = new Date('2026-11-23T12:00:00.000Z')) {
    super();
  }
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export async function seedWorkspace(db: DataSource, name: string): Promise<string> {
  const rows = await db.query<{ id: string }[]>(`INSERT INTO workspaces (name, slug, timezone, locale, currency) VALUES ($1, $2, 'UTC', 'en', 'USD') RETURNING id`, [
    name,
    `${name.toLowerCase()}-${randomUUID().slice(0, 8)}`,
  ]);
  return (rows[0] as { id: string }).id;
}

/** Publishes `document` as the next version of the flow (creating the flow on first use) and makes it current. */
export async function publish(db: DataSource, { workspaceId, flowId, document }: { workspaceId: string; flowId?: string; document: Record<string, unknown> }): Promise<{ flowId: string; version: number }> {
  let id = flowId;
  if (id === undefined) {
    const created = await db.query<{ id: string }[]>(`INSERT INTO flows (workspace_id, name, draft, status) VALUES ($1, $2, $3::jsonb, 'published') RETURNING id`, [
      workspaceId,
      String(document['name']),
      JSON.stringify(document),
    ]);
    id = (created[0] as { id: string }).id;
  }
  const rows = await db.query<{ version: number }[]>(
    `INSERT INTO flow_versions (workspace_id, flow_id, version, document)
     SELECT $1, $2, COALESCE(MAX(version), 0) + 1, $3::jsonb FROM flow_versions WHERE flow_id = $2 RETURNING version`,
    [workspaceId, id, JSON.stringify(document)],
  );
  const version = (rows[0] as { version: number }).version;
  await db.query(`UPDATE flows SET current_version = $2 WHERE id = $1`, [id, version]);
  return { flowId: id, version };
}

type Match = { kind: 'any' } | { kind: 'keyword'; keywords: string[] } | { kind: 'first_contact' };

function base(name: string, match: Match, nodes: unknown[], edges: [string, string, string][]): Record<string, unknown> {
  return {
    schemaVersion: 1,
    name,
    triggers: [{ id: 'start', type: 'inbound_message', match }],
    nodes,
    edges: edges.map(([source, sourceHandle, target]) => ({ id: `${source}--${sourceHandle}--${target}`, source, sourceHandle, target })),
    variables: [],
    settings: { channels: ['whatsapp'], stepBudget: 200 },
    ui: { positions: {}, viewport: { x: 0, y: 0, zoom: 1 } },
  };
}

/** Asks, then echoes every answer with `prefix`, forever: one send per inbound message, in order. */
export function echoFlow(name: string, match: Match, prefix: string): Record<string, unknown> {
  return base(
    name,
    match,
    [
      { id: 'ask', type: 'question', data: { text: `${prefix} ask`, kind: 'text', variable: 'answer' } },
      { id: 'say', type: 'message', data: { text: `${prefix} {{answer}}` } },
    ],
    [
      ['start', 'next', 'ask'],
      ['ask', 'next', 'say'],
      ['say', 'next', 'ask'],
    ],
  );
}

type Duration = { amount: number; unit: 'seconds' | 'minutes' | 'hours' | 'days' };

/** A question with a no-reply timeout (one hour unless said). */
export function timeoutFlow(name: string, keyword: string, timeout: Duration = { amount: 1, unit: 'hours' }): Record<string, unknown> {
  return base(
    name,
    { kind: 'keyword', keywords: [keyword] },
    [
      { id: 'ask', type: 'question', data: { text: 'your name?', kind: 'text', variable: 'who', timeout } },
      { id: 'thanks', type: 'message', data: { text: 'thanks {{who}}' } },
      { id: 'late', type: 'message', data: { text: 'too late' } },
    ],
    [
      ['start', 'next', 'ask'],
      ['ask', 'next', 'thanks'],
      ['ask', 'timeout', 'late'],
    ],
  );
}

/** Says "before the wait", waits `duration`, says "after the wait". */
export function waitFlow(keyword: string, duration: Duration): Record<string, unknown> {
  return base(
    `Wait ${keyword}`,
    { kind: 'keyword', keywords: [keyword] },
    [
      { id: 'before', type: 'message', data: { text: 'before the wait' } },
      { id: 'pause', type: 'wait', data: { mode: 'duration', duration } },
      { id: 'after', type: 'message', data: { text: 'after the wait' } },
    ],
    [
      ['start', 'next', 'before'],
      ['before', 'next', 'pause'],
      ['pause', 'next', 'after'],
    ],
  );
}

export const text = (value: string) => ({ kind: 'text' as const, text: value });

/** Asks with a no-reply timeout, then echoes every answer and asks again: each answer cancels a timer, sends twice and arms a new one. */
export function echoWithTimeoutFlow(name: string, keyword: string): Record<string, unknown> {
  return base(
    name,
    { kind: 'keyword', keywords: [keyword] },
    [
      { id: 'ask', type: 'question', data: { text: 'say something', kind: 'text', variable: 'answer', timeout: { amount: 1, unit: 'hours' } } },
      { id: 'say', type: 'message', data: { text: 'echo {{answer}}' } },
      { id: 'late', type: 'message', data: { text: 'too late' } },
    ],
    [
      ['start', 'next', 'ask'],
      ['ask', 'next', 'say'],
      ['say', 'next', 'ask'],
      ['ask', 'timeout', 'late'],
    ],
  );
}

/** Opens a sandbox conversation for `sender` with a first message, stepped (its replies left unsent); answers its conversation and session. */
export async function openSandboxConversation(api: TestApp, workspaceId: string, sender: string): Promise<{ conversationId: string; sessionId: string }> {
  const { eventId } = await api.app.get(RecordInboundEventUseCase).execute({ workspaceId, channel: 'sandbox', providerKey: randomUUID(), sender, message: text('hi') });
  await api.app.get(ProcessInboundEventUseCase).execute({ workspaceId, eventId });
  const [row] = await api.database.dataSource.query<{ conversation_id: string; session_id: string }[]>(
    `SELECT c.id AS conversation_id, s.id AS session_id FROM conversations c
       JOIN contact_identities i ON i.contact_id = c.contact_id JOIN flow_sessions s ON s.conversation_id = c.id
      WHERE i.workspace_id = $1 AND i.external_id = $2`,
    [workspaceId, sender],
  );
  if (row === undefined) throw new Error(`no session for ${sender}`);
  return { conversationId: row.conversation_id, sessionId: row.session_id };
}

/** Rows `probe` fetched from each table (what its plans read), in a transaction rolled back afterwards; and what it answered. */
export async function fetchedBy<T>(db: DataSource, tables: string[], probe: (tx: EntityManager) => Promise<T>): Promise<{ fetched: Record<string, number>; result: T }> {
  let outcome: { fetched: Record<string, number>; result: T } | undefined;
  await db
    .transaction(async (tx) => {
      const result = await probe(tx);
      const stats = await tx.query<{ relname: string; rows: string }[]>(
        `SELECT relname, seq_tup_read + coalesce(idx_tup_fetch, 0) AS rows FROM pg_stat_xact_user_tables WHERE relname = ANY($1::text[])`,
        [tables],
      );
      outcome = { fetched: Object.fromEntries(stats.map((s) => [s.relname, Number(s.rows)])), result };
      throw new Rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
    });
  if (outcome === undefined) throw new Error('the probe did not run');
  return outcome;
}

/** Ends the probe's transaction without keeping what it wrote. */
class Rollback extends Error {}
