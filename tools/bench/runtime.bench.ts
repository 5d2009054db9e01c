// Runtime throughput and latency, end to end: customer messages posted over HTTP into the
// sandbox channel of the built server, stepped by its workers through the echo flow, the reply
// stored and sent. Latency is read from the rows: inbound accepted (inbound_events.received_at)
// -> reply stored (the outbound message row) -> reply sent (messages.sent_at).
import { setTimeout as sleep } from 'node:timers/promises';
import { startBenchServer } from './api-server.js';
import { deleteRedisPrefix } from '../../apps/api/test/support/redis-prefix.js';
import { cpuPerMessage, sampleCpu, type CpuSample } from './process-cpu.js';
import { connectRuntime, echoDocument, OWNER, percentile, say, waitForCount, waitForDrain, type RuntimeClient } from './runtime-client.js';

export type Backend = 'redis' | 'postgres';

export interface LatencyFigures {
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

export interface RuntimeRun {
  readonly name: string;
  readonly messages: number;
  /** Messages answered per second, from the first accepted to the last reply sent. */
  readonly perSecond: number;
  /** Accepted -> reply stored: what the runtime adds (queue, lock, engine step, commit). */
  readonly stored: LatencyFigures;
  /** Accepted -> reply sent on the sandbox channel (adds the outbound queue). */
  readonly sent: LatencyFigures;
  /** CPU milliseconds per message by process, from the run's start until its last reply was sent. */
  readonly cpuMs: CpuSample;
}

export interface RuntimeBenchResult {
  readonly backend: Backend;
  readonly database: string;
  readonly conversations: number;
  readonly runs: RuntimeRun[];
}

const CONVERSATIONS = 400;

function figures(values: number[]): LatencyFigures {
  values.sort((a, b) => a - b);
  return { p50: Math.round(percentile(values, 50)), p99: Math.round(percentile(values, 99)), max: Math.round(values[values.length - 1] ?? 0) };
}

/** Reads every measured message's timings once all of them were answered. */
async function measure(client: RuntimeClient, { name, prefix, count, cpuBefore, serverPid }: { name: string; prefix: string; count: number; cpuBefore: CpuSample; serverPid: number | undefined }): Promise<RuntimeRun> {
  await waitForDrain(client.db, 300_000);
  // Then the exact count, once (it scans the messages).
  await waitForCount(
    client.db,
    `SELECT count(*)::int AS n FROM messages WHERE direction = 'out' AND status = 'sent' AND content->>'text' LIKE 'E ${prefix}%'`,
    count,
    300_000,
  );
  const cpuAfter = sampleCpu(serverPid);
  const { rows } = await client.db.query<{ received: Date; stored: Date; sent: Date }>(
    `SELECT e.received_at AS received, o.created_at AS stored, o.sent_at AS sent
       FROM inbound_events e JOIN messages o ON o.direction = 'out' AND o.content->>'text' = 'E ' || (e.payload->'message'->>'text')
      WHERE e.provider_key LIKE $1`,
    [`bench-${prefix}%`],
  );
  const first = Math.min(...rows.map((r) => r.received.getTime()));
  const last = Math.max(...rows.map((r) => r.sent.getTime()));
  return {
    name,
    messages: rows.length,
    perSecond: Math.round(rows.length / ((last - first) / 1000)),
    stored: figures(rows.map((r) => r.stored.getTime() - r.received.getTime())),
    sent: figures(rows.map((r) => r.sent.getTime() - r.received.getTime())),
    cpuMs: cpuPerMessage(cpuBefore, cpuAfter, rows.length),
  };
}

/** As fast as `concurrency` HTTP clients can post, for `seconds`. */
async function flat(client: RuntimeClient, conversations: readonly string[], { seconds, concurrency, prefix }: { seconds: number; concurrency: number; prefix: string }): Promise<number> {
  let next = 0;
  let accepted = 0;
  const deadline = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < deadline) {
        const n = next;
        next += 1;
        if (await say(client, conversations[n % conversations.length] as string, `${prefix}${String(n)}`)) accepted += 1;
      }
    }),
  );
  return accepted;
}

/** Requests a load generator keeps open at most; past that it is behind, and the run says so. */
const MAX_IN_FLIGHT = 256;

/**
 * An open loop at `rate` messages/s for `seconds`: each message leaves on its schedule, whatever
 * the answers (up to MAX_IN_FLIGHT open requests). Returns how many were accepted.
 */
async function atRate(client: RuntimeClient, conversations: readonly string[], { rate, seconds, prefix }: { rate: number; seconds: number; prefix: string }): Promise<number> {
  const total = rate * seconds;
  const began = Date.now();
  const inFlight = new Set<Promise<boolean>>();
  let accepted = 0;
  for (let n = 0; n < total; n += 1) {
    const due = began + (n * 1000) / rate;
    const wait = due - Date.now();
    if (wait > 1) await sleep(wait);
    while (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
    const request = say(client, conversations[n % conversations.length] as string, `${prefix}${String(n)}`).then((ok) => {
      if (ok) accepted += 1;
      inFlight.delete(request);
      return ok;
    });
    inFlight.add(request);
  }
  await Promise.all(inFlight);
  const lagSeconds = (Date.now() - began) / 1000 - seconds;
  if (lagSeconds > 1) console.warn(`the load generator fell ${lagSeconds.toFixed(1)} s behind ${String(rate)}/s: the server accepts less than that`);
  return accepted;
}

/** The runs a benchmark makes: both unless BENCH_LOADS names one (`flat` or `steady`), to study it alone. */
const loads = (process.env['BENCH_LOADS'] ?? 'flat,steady').split(',');

export async function benchRuntime({ backend, seconds, serverUrl, redisUrl }: { backend: Backend; seconds: number; serverUrl: string; redisUrl: string | undefined }): Promise<RuntimeBenchResult> {
  const prefix = `jornada-bench-${String(Date.now())}`;
  const server = await startBenchServer(
    {
      ADMIN_EMAIL: OWNER.email,
      ADMIN_PASSWORD: OWNER.password,
      REDIS_URL: backend === 'redis' ? (redisUrl ?? '') : '',
      REDIS_PREFIX: prefix,
    },
    { serverUrl },
  );
  const client = await connectRuntime(server);
  try {
    await client.publish(echoDocument());
    const conversations = await client.conversations(CONVERSATIONS);
    // Every conversation starts its session (the flow asks), so the runs measure steps of running sessions.
    await Promise.all(conversations.map((id, i) => say(client, id, `warm${String(i)}`)));
    await waitForCount(client.db, `SELECT count(*)::int AS n FROM flow_sessions`, CONVERSATIONS, 120_000);
    await waitForCount(client.db, `SELECT count(*)::int AS n FROM messages WHERE direction = 'out' AND status = 'sent'`, CONVERSATIONS, 120_000);
    // A running shop's tables have been analyzed (autovacuum does it within a minute of the first
    // rows); a database created a moment ago has not, and PostgreSQL would plan with its defaults.
    await client.db.query('ANALYZE');
    // Before each run, what autovacuum would have done meanwhile on a server that runs it
    // (deployment.md): without it (a CI server may turn it off) the dead index entries the
    // previous run left behind slow the next one's reads, the more the faster that run went.
    const vacuumed = () => client.db.query('VACUUM');

    const runs: RuntimeRun[] = [];
    if (loads.includes('flat')) {
      await vacuumed();
      const cpuBefore = sampleCpu(server.pid);
      const flatCount = await flat(client, conversations, { seconds, concurrency: 32, prefix: 'f' });
      runs.push(await measure(client, { name: 'flat out (32 concurrent HTTP clients)', prefix: 'f', count: flatCount, cpuBefore, serverPid: server.pid }));
    }
    if (loads.includes('steady')) {
      const rate = backend === 'redis' ? 500 : 200;
      await vacuumed();
      const cpuBefore = sampleCpu(server.pid);
      const rateCount = await atRate(client, conversations, { rate, seconds, prefix: 'r' });
      runs.push(await measure(client, { name: `steady ${String(rate)} messages/s`, prefix: 'r', count: rateCount, cpuBefore, serverPid: server.pid }));
    }
    return { backend, database: server.database, conversations: CONVERSATIONS, runs };
  } finally {
    await client.close();
    await server.stop();
    if (backend === 'redis' && redisUrl !== undefined) await deleteRedisPrefix(redisUrl, prefix);
  }
}
