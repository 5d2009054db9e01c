// A million pending timers on the Redis backend: how much Redis they cost, and how late the
// ones that come due fire. Real sessions wait on the live timers (a wait node: firing one steps
// the session and sends a message); the rest are filler rows due over the next day, which is
// what a shop's pending reminders look like.
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { startBenchServer } from './api-server.js';
import { deleteRedisPrefix } from '../../apps/api/test/support/redis-prefix.js';
import { connectRuntime, OWNER, percentile, say, waitForCount } from './runtime-client.js';

export interface TimersBenchResult {
  readonly pending: number;
  readonly live: number;
  readonly ratePerSecond: number;
  readonly redisMemoryMb: number;
  readonly redisKeys: number;
  readonly delayedJobs: number;
  readonly postgresMb: number;
  readonly lateness: { p50: number; p99: number; max: number };
  readonly fired: number;
}

const LIVE = 6000;
const RATE = 100;
const FILLER_BATCH = 100_000;

function waitDocument(): Record<string, unknown> {
  return {
    schemaVersion: 1,
    name: 'Bench nap',
    triggers: [{ id: 'start', type: 'inbound_message', match: { kind: 'any' } }],
    nodes: [
      { id: 'pause', type: 'wait', data: { mode: 'duration', duration: { amount: 1, unit: 'hours' } } },
      { id: 'after', type: 'message', data: { text: 'after the wait' } },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'pause' },
      { id: 'e2', source: 'pause', sourceHandle: 'next', target: 'after' },
    ],
    variables: [],
    settings: { channels: ['sandbox'], stepBudget: 200 },
    ui: { positions: {}, viewport: { x: 0, y: 0, zoom: 1 } },
  };
}

export async function benchTimers({ serverUrl, redisUrl, pending }: { serverUrl: string; redisUrl: string; pending: number }): Promise<TimersBenchResult> {
  const prefix = `jornada-bench-timers-${String(Date.now())}`;
  // What this run adds to Redis: the server may hold other keys (earlier runs' kept jobs, other apps).
  const baseline = new Redis(redisUrl);
  const before = { memory: Number(/used_memory:(\d+)/.exec(await baseline.info('memory'))?.[1] ?? 0), keys: await baseline.dbsize() };
  baseline.disconnect();
  const server = await startBenchServer({ ADMIN_EMAIL: OWNER.email, ADMIN_PASSWORD: OWNER.password, REDIS_URL: redisUrl, REDIS_PREFIX: prefix }, { serverUrl });
  const client = await connectRuntime(server);
  const redis = new Redis(redisUrl);
  try {
    await client.publish(waitDocument());
    const conversations = await client.conversations(LIVE, 32);
    for (let i = 0; i < conversations.length; i += 64) {
      await Promise.all(conversations.slice(i, i + 64).map((id, k) => say(client, id, `nap${String(i + k)}`)));
    }
    await waitForCount(client.db, `SELECT count(*)::int AS n FROM session_timers WHERE status = 'pending'`, LIVE, 300_000);

    // The filler: pending timers of one session, due over the next day (they never fire here).
    const { rows: anchor } = await client.db.query<{ workspace_id: string; session_id: string }>(`SELECT workspace_id, session_id FROM session_timers LIMIT 1`);
    const { workspace_id: workspaceId, session_id: sessionId } = anchor[0] as { workspace_id: string; session_id: string };
    const filler = pending - LIVE;
    const spacingMs = (22 * 3600 * 1000) / filler;
    for (let from = 0; from < filler; from += FILLER_BATCH) {
      const to = Math.min(filler, from + FILLER_BATCH);
      await client.db.query(
        `INSERT INTO session_timers (workspace_id, session_id, timer_id, node_id, fire_at)
         SELECT $1, $2, 'filler-' || g, 'pause', now() + interval '2 hours' + (g * $5::double precision) * interval '1 millisecond'
           FROM generate_series($3::int, $4::int) g`,
        [workspaceId, sessionId, from + 1, to, spacingMs],
      );
    }
    await client.db.query(`ANALYZE session_timers`);

    // The live timers come due from 20 s from now, RATE a second, and are armed by the sweep as they come within its horizon.
    await client.db.query(
      `UPDATE session_timers t SET fire_at = now() + interval '20 seconds' + (o.rn * (1000.0 / $1)) * interval '1 millisecond', armed_at = NULL
         FROM (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM session_timers WHERE status = 'pending' AND timer_id NOT LIKE 'filler-%') o
        WHERE t.id = o.id`,
      [RATE],
    );
    const windowMs = 20_000 + (LIVE * 1000) / RATE;
    let redisMemory = 0;
    let redisKeys = 0;
    let delayedJobs = 0;
    const deadline = Date.now() + windowMs + 60_000;
    for (;;) {
      const memory = Number(/used_memory:(\d+)/.exec(await redis.info('memory'))?.[1] ?? 0);
      if (memory > redisMemory) {
        redisMemory = memory;
        redisKeys = (await redis.dbsize()) - before.keys;
        delayedJobs = await redis.zcard(`${prefix}:timers:delayed`);
      }
      const { rows } = await client.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM session_timers WHERE status = 'pending' AND timer_id NOT LIKE 'filler-%'`);
      if ((rows[0]?.n ?? 0) === 0 || Date.now() > deadline) break;
      await sleep(1000);
    }
    const { rows: late } = await client.db.query<{ late: number }>(
      `SELECT extract(epoch FROM fired_at - fire_at) * 1000 AS late FROM session_timers WHERE timer_id NOT LIKE 'filler-%' AND status = 'fired'`,
    );
    const lateness = late.map((r) => Number(r.late)).sort((a, b) => a - b);
    const { rows: size } = await client.db.query<{ bytes: string }>(`SELECT pg_total_relation_size('session_timers') AS bytes`);
    return {
      pending,
      live: LIVE,
      ratePerSecond: RATE,
      redisMemoryMb: Math.round(Math.max(0, redisMemory - before.memory) / 2 ** 20),
      redisKeys,
      delayedJobs,
      postgresMb: Math.round(Number(size[0]?.bytes ?? 0) / 2 ** 20),
      lateness: { p50: Math.round(percentile(lateness, 50)), p99: Math.round(percentile(lateness, 99)), max: Math.round(lateness[lateness.length - 1] ?? 0) },
      fired: lateness.length,
    };
  } finally {
    redis.disconnect();
    await client.close();
    await server.stop();
    await deleteRedisPrefix(redisUrl, prefix);
  }
}
