// The pieces every runtime benchmark needs: the built server signed in as its owner, a
// published flow, sandbox conversations, and a direct connection to its scratch database to
// read what happened (the server stores every time a measurement needs).
import { Agent, request } from 'node:http';
import pg from 'pg';
import type { BenchServer } from './api-server.js';

export const OWNER = { email: 'bench@example.com', password: 'bench-password-3141' };

export interface RuntimeClient {
  readonly server: BenchServer;
  readonly db: pg.Pool;
  call(method: string, path: string, body?: unknown): Promise<Response>;
  /**
   * POSTs a JSON body and answers the status, on kept-alive connections of node:http. The load
   * generator shares the two cores with what it measures: fetch cost it about 0.6–0.8 ms of CPU a
   * request, this a fraction of that.
   */
  post(path: string, body: unknown): Promise<number>;
  /** Creates and publishes a flow; returns its id. */
  publish(document: Record<string, unknown>): Promise<string>;
  /** Opens `count` sandbox conversations, `parallel` at a time. */
  conversations(count: number, parallel?: number): Promise<string[]>;
  close(): Promise<void>;
}

export async function connectRuntime(server: BenchServer): Promise<RuntimeClient> {
  if (server.databaseUrl === undefined) throw new Error('the runtime benchmark reads its scratch database: give it a PostgreSQL server');
  const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(OWNER) });
  if (!login.ok) throw new Error(`login failed: ${String(login.status)} ${await login.text()}`);
  const { token } = (await login.json()) as { token: string };
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const call = (method: string, path: string, body?: unknown): Promise<Response> =>
    fetch(`${server.url}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const db = new pg.Pool({ connectionString: server.databaseUrl, max: 4 });
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const post = (path: string, body: unknown): Promise<number> =>
    new Promise((resolve, reject) => {
      const payload = Buffer.from(JSON.stringify(body));
      const req = request(`${server.url}${path}`, { method: 'POST', agent, headers: { ...headers, 'content-length': String(payload.length) } }, (res) => {
        res.resume();
        res.once('end', () => resolve(res.statusCode ?? 0));
        res.once('error', reject);
      });
      req.once('error', reject);
      req.end(payload);
    });
  return {
    server,
    db,
    call,
    post,
    async publish(document) {
      const created = await call('POST', '/api/flows', { name: String(document['name']), document });
      if (!created.ok) throw new Error(`create flow: ${String(created.status)} ${await created.text()}`);
      const { id } = (await created.json()) as { id: string };
      const published = await call('POST', `/api/flows/${id}/publish`, {});
      if (!published.ok) throw new Error(`publish: ${String(published.status)} ${await published.text()}`);
      return id;
    },
    async conversations(count, parallel = 16) {
      const ids: string[] = [];
      for (let i = 0; i < count; i += parallel) {
        const batch = await Promise.all(
          Array.from({ length: Math.min(parallel, count - i) }, async () => {
            const response = await call('POST', '/api/sandbox/conversations', { contactName: 'Bench Customer' });
            if (!response.ok) throw new Error(`conversation: ${String(response.status)} ${await response.text()}`);
            return ((await response.json()) as { id: string }).id;
          }),
        );
        ids.push(...batch);
      }
      return ids;
    },
    close: async () => {
      agent.destroy();
      await db.end();
    },
  };
}

/** Sends a customer message into a sandbox conversation; true when accepted (202). */
export async function say(client: RuntimeClient, conversationId: string, text: string): Promise<boolean> {
  try {
    return (await client.post(`/api/sandbox/conversations/${conversationId}/messages`, { text, messageId: `bench-${text}` })) === 202;
  } catch {
    return false; // counted by the caller: a message the server did not accept
  }
}

/** Polls until `sql` returns a first column >= `target`, or throws after `timeoutMs`. */
export async function waitForCount(db: pg.Pool, sql: string, target: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await db.query<{ n: number }>(sql);
    if ((rows[0]?.n ?? 0) >= target) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(target)}: ${sql} = ${String(rows[0]?.n)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Waits until nothing is left to do: no inbound event still to process and no reply still to
 * send. Both counts read small partial indexes, so polling them costs the measured server
 * almost nothing — unlike counting the messages, a scan of a table that grows by the run (which
 * used to run every 200 ms while a backlog drained, and was counted as the server's PostgreSQL
 * time). An event and the replies its step writes commit together, so both at zero means every
 * accepted message was answered and its reply sent (or failed).
 */
export async function waitForDrain(db: pg.Pool, timeoutMs: number): Promise<void> {
  await waitForCount(
    db,
    `SELECT (CASE WHEN EXISTS (SELECT 1 FROM inbound_events WHERE status = 'received') OR EXISTS (SELECT 1 FROM outbox WHERE status = 'pending') THEN 0 ELSE 1 END) AS n`,
    1,
    timeoutMs,
  );
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** An echo flow: asks, then repeats each answer and asks again — one reply per message. */
export function echoDocument(): Record<string, unknown> {
  return {
    schemaVersion: 1,
    name: 'Bench echo',
    triggers: [{ id: 'start', type: 'inbound_message', match: { kind: 'any' } }],
    nodes: [
      { id: 'ask', type: 'question', data: { text: 'ask', kind: 'text', variable: 'answer' } },
      { id: 'say', type: 'message', data: { text: 'E {{answer}}' } },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'ask' },
      { id: 'e2', source: 'ask', sourceHandle: 'next', target: 'say' },
      { id: 'e3', source: 'say', sourceHandle: 'next', target: 'ask' },
    ],
    variables: [{ name: 'answer', type: 'text' }],
    settings: { channels: ['sandbox'], stepBudget: 200 },
    ui: { positions: {}, viewport: { x: 0, y: 0, zoom: 1 } },
  };
}
