// A worker process killed with SIGKILL in the middle of a step, then another in the middle of
// a send, while 80 messages of 8 customers are being answered; a third worker finishes. Afterwards nothing inbound is lost,
// nothing is answered twice, and every conversation reads exactly as if nothing had happened.
// Run per queue backend by worker-crash.*.spec.ts.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { deleteRedisKeys, startRuntimeApp, type BackendKind, type RuntimeApp } from '../runtime/runtime-app.js';
import { echoFlow, publish, seedWorkspace } from '../runtime/runtime-fixtures.js';
import { eventually, SandboxClient } from '../runtime/sandbox-client.js';
import { TEST_APP_SECRET } from '../support/create-test-app.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const CONVERSATIONS = 8;
const MESSAGES_EACH = 10;
const REDIS_URL = process.env['REDIS_URL'] === '' ? undefined : process.env['REDIS_URL'];

/** What the echo flow answers to `texts`: it asks, then echoes each answer and asks again. */
function expectedReplies(texts: readonly string[]): string[] {
  return ['E ask', ...texts.slice(1).flatMap((text) => [`E ${text}`, 'E ask'])];
}

/** The step's writes in flight: a transaction of the worker (the api process only records inbound events). */
const MID_STEP = `SELECT query AS what FROM pg_stat_activity
  WHERE datname = current_database() AND application_name = 'jornada' AND xact_start IS NOT NULL AND pid <> pg_backend_pid()
    AND (query ILIKE '%flow_sessions%' OR query ILIKE '%run_log%' OR query ILIKE '%outbox%' OR query ILIKE '%session_timers%')`;
/** Sends claimed by the worker and not yet marked done: the provider may have the message already. */
const MID_SEND = `SELECT 'send ' || effect_id AS what FROM outbox WHERE status = 'pending' AND claim_token IS NOT NULL`;

/** Waits until the worker is in the middle of a step (or a send), then kills it with SIGKILL. */
async function killWhen(db: DataSource, worker: ServerProcess, probe: string): Promise<string> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const open = await db.query<{ what: string }[]>(probe);
    if (open[0] !== undefined) {
      worker.child.kill('SIGKILL');
      await worker.exited;
      return open[0].what;
    }
    if (Date.now() > deadline) throw new Error('never caught the worker in the middle of a step');
    await sleep(2);
  }
}

export function workerCrashScenario(backend: BackendKind): void {
  let database: TestDatabase;
  let web: RuntimeApp;
  let ws = '';
  const prefix = `jornada-test-${randomUUID()}`;
  const workers: ServerProcess[] = [];
  const client = new SandboxClient(() => web.url);

  const startWorker = async (): Promise<ServerProcess> => {
    const worker = startServerProcess({
      DATABASE_URL: database.url,
      ROLE: 'worker',
      APP_SECRET: TEST_APP_SECRET,
      REDIS_PREFIX: prefix,
      ...(backend === 'redis' && REDIS_URL !== undefined ? { REDIS_URL } : {}),
    });
    workers.push(worker);
    await worker.ready(90_000);
    return worker;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    ws = await seedWorkspace(database.dataSource, 'Crash shop');
    await publish(database.dataSource, { workspaceId: ws, document: echoFlow('Echo', { kind: 'any' }, 'E') });
    // The api process: takes the messages in and enqueues them; it runs no workers.
    web = await startRuntimeApp({ database, backend, principal: () => ({ userId: 'u1', workspaceId: ws, role: 'owner' }), env: { ROLE: 'api' }, redisPrefix: prefix });
  }, 120_000);
  afterAll(async () => {
    for (const worker of workers) if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGKILL');
    await web.close();
    await database.drop();
    await deleteRedisKeys(prefix);
  });

  it('loses nothing and doubles nothing when workers are killed mid-step and mid-send', async () => {
    const conversations = await Promise.all(Array.from({ length: CONVERSATIONS }, () => client.newConversation()));
    const textsOf = (c: number) => Array.from({ length: MESSAGES_EACH }, (_, m) => `c${String(c)}m${String(m)}`);

    const first = await startWorker();
    // Each customer writes their messages one after another; the customers write at the same time.
    const sending = Promise.all(
      conversations.map(async (id, c) => {
        for (const text of textsOf(c)) {
          const accepted = await client.say(id, { text, messageId: `${id}-${text}` });
          expect(accepted.status).toBe(202);
          await sleep(20);
        }
      }),
    );
    const caught: string[] = [await killWhen(database.dataSource, first, MID_STEP)];
    const second = await startWorker();
    caught.push(await killWhen(database.dataSource, second, MID_SEND));
    await sending;
    await startWorker();

    const db = database.dataSource;
    await eventually(
      async () => {
        const [row] = await db.query<{ done: number }[]>(`SELECT count(*)::int AS done FROM messages WHERE direction = 'out' AND status = 'sent'`);
        return (row?.done ?? 0) >= CONVERSATIONS * expectedReplies(textsOf(0)).length ? true : undefined;
      },
      { timeoutMs: 120_000, what: 'every reply sent' },
    );
    await sleep(500); // time for any wrong second delivery to show

    expect(caught).toHaveLength(2);
    const events = await db.query<{ status: string; n: number }[]>(`SELECT status, count(*)::int AS n FROM inbound_events GROUP BY status`);
    expect(events).toEqual([{ status: 'processed', n: CONVERSATIONS * MESSAGES_EACH }]);
    for (const [c, id] of conversations.entries()) {
      const rows = await db.query<{ direction: string; text: string; status: string }[]>(
        `SELECT direction, content->>'text' AS text, status FROM messages WHERE conversation_id = $1 ORDER BY seq`,
        [id],
      );
      expect(rows.filter((r) => r.direction === 'in').map((r) => r.text)).toEqual(textsOf(c));
      expect(rows.filter((r) => r.direction === 'out').map((r) => r.text)).toEqual(expectedReplies(textsOf(c)));
      expect(rows.every((r) => r.direction === 'in' || r.status === 'sent')).toBe(true);
    }
    expect(await db.query(`SELECT status, count(*)::int AS n FROM outbox GROUP BY status`)).toEqual([{ status: 'done', n: expect.any(Number) }]);
    const [dupes] = await db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM (SELECT provider_message_id FROM messages WHERE direction = 'out' GROUP BY provider_message_id HAVING count(*) > 1) d`,
    );
    expect(dupes?.n).toBe(0);
  }, 300_000);
}
