// The job queues on both backends, through the real app: BullMQ's PostgreSQL backend (always)
// and Redis (when REDIS_URL is set, as in CI). The same suite runs on each.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Role } from '../../src/security/roles.js';
import { JobError } from '../../src/queues/job-error.js';
import type { QueuePolicy } from '../../src/queues/queue-policies.js';
import { QUEUE_NAMES, type QueueName } from '../../src/queues/queue-names.js';
import { DEFAULT_QUEUE_SETTINGS, QUEUE_SETTINGS, type QueueSettings } from '../../src/queues/queue-settings.js';
import { QueueService, type JobContext } from '../../src/queues/queue.service.js';
import { createTestApp, type CreateTestAppOptions, type TestApp } from '../support/create-test-app.js';

const REDIS_URL = process.env['REDIS_URL'] === '' ? undefined : process.env['REDIS_URL'];
const BACKENDS: readonly { kind: 'postgres' | 'redis'; env: Record<string, string> }[] = [
  { kind: 'postgres', env: {} },
  // Skipped only on a machine without REDIS_URL; CI sets it.
  ...(REDIS_URL === undefined ? [] : [{ kind: 'redis' as const, env: { REDIS_URL } }]),
];

/** Retries after 50 ms instead of seconds, so the retry tests stay fast. */
const FAST_POLICY: QueuePolicy = { ...DEFAULT_QUEUE_SETTINGS.policies.inbound, attempts: 3, backoff: { type: 'fixed', delayMs: 50 } };

/** What a handler does for a given row id; unknown ids just succeed. */
type Script = (context: JobContext) => Promise<void>;

interface Harness {
  readonly api: TestApp;
  readonly queues: QueueService;
  /** Every call of a handler: queue, row id, attempt. */
  readonly calls: { queue: QueueName; id: string; attempt: number; at: number }[];
  readonly scripts: Map<string, Script>;
  principal: { role: Role };
  prefix: string;
}

async function startHarness(env: Record<string, string>, options: Partial<CreateTestAppOptions> = {}): Promise<Harness> {
  const prefix = `jornada-test-${randomUUID()}`;
  const settings: QueueSettings = {
    ...DEFAULT_QUEUE_SETTINGS,
    policies: Object.fromEntries(QUEUE_NAMES.map((name) => [name, FAST_POLICY])) as Record<QueueName, QueuePolicy>,
    shutdownTimeoutMs: 5000,
    redisPrefix: prefix,
    // The app registers the runtime's processors; the harness replaces them with its own.
    allowProcessorReplacement: true,
  };
  const principal: { role: Role } = { role: 'owner' };
  const api = await createTestApp({
    env,
    authenticator: { authenticate: () => Promise.resolve({ userId: 'u1', workspaceId: 'w1', role: principal.role }) },
    override: (builder) => builder.overrideProvider(QUEUE_SETTINGS).useValue(settings),
    ...options,
  });
  const queues = api.app.get(QueueService);
  const harness: Harness = { api, queues, calls: [], scripts: new Map(), principal, prefix };
  const handle = (queue: QueueName, id: string, context: JobContext): Promise<void> => {
    harness.calls.push({ queue, id, attempt: context.attempt, at: Date.now() });
    return harness.scripts.get(id)?.(context) ?? Promise.resolve();
  };
  queues.registerProcessor('inbound', (payload, context) => handle('inbound', payload.inboundEventId, context));
  queues.registerProcessor('timers', (payload, context) => handle('timers', payload.timerId, context));
  queues.registerProcessor('outbound', (payload, context) => handle('outbound', payload.outboxEffectId, context));
  queues.registerProcessor('events', (payload, context) => handle('events', payload.externalEventId, context));
  return harness;
}

/** Closes the app and, on Redis, deletes the keys of this harness's prefix. */
async function stopHarness(harness: Harness | undefined): Promise<void> {
  if (harness === undefined) return;
  await harness.api.close();
  await deleteRedisKeys(harness);
}

async function deleteRedisKeys(harness: Harness): Promise<void> {
  const url = harness.api.config.redisUrl;
  if (url === undefined) return;
  const redis = new Redis(url);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${harness.prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('Timed out waiting for a condition');
    await sleep(10);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function callsOf(harness: Harness, id: string): Harness['calls'] {
  return harness.calls.filter((call) => call.id === id);
}

describe.each(BACKENDS)('queues on $kind', ({ kind, env }) => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness(env);
  });
  afterAll(() => stopHarness(harness));

  it('reports the backend in /api/health', async () => {
    const response = await fetch(`${harness.api.url}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', queue: { status: 'up', backend: kind } });
  });

  it('processes an added job with its typed payload', async () => {
    const id = randomUUID();
    await harness.queues.add('inbound', { v: 1, inboundEventId: id });
    await waitFor(() => callsOf(harness, id).length === 1);
    expect(callsOf(harness, id)).toEqual([{ queue: 'inbound', id, attempt: 1, at: expect.any(Number) }]);
  });

  it('processes a job id once however often it is added', async () => {
    const id = randomUUID();
    await Promise.all(Array.from({ length: 5 }, () => harness.queues.add('events', { v: 1, externalEventId: id })));
    await waitFor(() => callsOf(harness, id).length > 0);
    await harness.queues.add('events', { v: 1, externalEventId: id });
    await sleep(300);
    expect(callsOf(harness, id)).toHaveLength(1);
  });

  it("keeps a completed job by its backend's retention: age and count on Redis, age only on PostgreSQL", async () => {
    const id = randomUUID();
    await harness.queues.add('inbound', { v: 1, inboundEventId: id });
    await waitFor(() => callsOf(harness, id).length === 1);
    const jobId = `inbound-${id}`;
    let kept: unknown;
    if (kind === 'postgres') {
      const rows = await harness.api.database.dataSource.query<{ keep: unknown }[]>(`SELECT opts->'removeOnComplete' AS keep FROM bullmq.job WHERE queue = 'inbound' AND id = $1`, [jobId]);
      kept = rows[0]?.keep;
    } else {
      const redis = new Redis(harness.api.config.redisUrl as string);
      try {
        kept = (JSON.parse((await redis.hget(`${harness.prefix}:inbound:${jobId}`, 'opts')) ?? '{}') as { removeOnComplete?: unknown }).removeOnComplete;
      } finally {
        redis.disconnect();
      }
    }
    // On PostgreSQL, BullMQ's trim by count scans every kept job of the queue at each completion.
    expect(kept).toEqual(kind === 'postgres' ? { age: 3600 } : { age: FAST_POLICY.keepCompleted.ageSeconds, count: FAST_POLICY.keepCompleted.count });
  });

  /** Whether the queue store holds a job under this id (any state). */
  const stored = async (jobId: string): Promise<boolean> => {
    if (kind === 'postgres') {
      const rows = await harness.api.database.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM bullmq.job WHERE queue = 'inbound' AND id = $1`, [jobId]);
      return rows[0]?.n === 1;
    }
    const redis = new Redis(harness.api.config.redisUrl as string);
    try {
      return (await redis.exists(`${harness.prefix}:inbound:${jobId}`)) === 1;
    } finally {
      redis.disconnect();
    }
  };

  it("runs a just-stored row's job here at once, without the queue store", async () => {
    const id = randomUUID();
    expect(await harness.queues.addAfterStore('inbound', { v: 1, inboundEventId: id })).toBe(true);
    await waitFor(() => callsOf(harness, id).length === 1);
    expect(callsOf(harness, id)).toEqual([{ queue: 'inbound', id, attempt: 1, at: expect.any(Number) }]);
    expect(await stored(`inbound-${id}`)).toBe(false);
  });

  it('hands a failed run of a stored row to the queue, which tries it again', async () => {
    const id = randomUUID();
    let runs = 0;
    harness.scripts.set(id, () => {
      runs += 1;
      return runs === 1 ? Promise.reject(JobError.transient('provider timed out')) : Promise.resolve();
    });
    await harness.queues.addAfterStore('inbound', { v: 1, inboundEventId: id });
    await waitFor(() => callsOf(harness, id).length === 2);
    expect(runs).toBe(2);
    expect(await stored(`inbound-${id}`)).toBe(true); // the second run was the queue's
  });

  it('sends stored rows through the queue once the runs here are at their limit', async () => {
    const limit = DEFAULT_QUEUE_SETTINGS.runStoredHere;
    const ids = Array.from({ length: limit + 3 }, () => randomUUID());
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    for (const id of ids) harness.scripts.set(id, () => gate);
    for (const id of ids) await harness.queues.addAfterStore('inbound', { v: 1, inboundEventId: id });
    const storedIds = [];
    for (const id of ids) if (await stored(`inbound-${id}`)) storedIds.push(id);
    expect(storedIds).toEqual(ids.slice(limit));
    release();
    await waitFor(() => ids.every((id) => callsOf(harness, id).length === 1));
  });

  it('runs a delayed job after its delay, not before', async () => {
    const id = randomUUID();
    const addedAt = Date.now();
    await harness.queues.add('timers', { v: 1, timerId: id }, { delayMs: 400 });
    await sleep(150);
    expect(callsOf(harness, id)).toHaveLength(0);
    await waitFor(() => callsOf(harness, id).length === 1);
    expect((callsOf(harness, id)[0]?.at ?? 0) - addedAt).toBeGreaterThanOrEqual(390);
  });

  it('retries a transient error with backoff until it succeeds', async () => {
    const id = randomUUID();
    harness.scripts.set(id, ({ attempt }) => (attempt < 3 ? Promise.reject(JobError.transient('provider answered 503')) : Promise.resolve()));
    await harness.queues.add('outbound', { v: 1, outboxEffectId: id });
    await waitFor(() => callsOf(harness, id).length === 3);
    expect(callsOf(harness, id).map((call) => call.attempt)).toEqual([1, 2, 3]);
    await sleep(200);
    const failed = await harness.queues.findFailed('outbound', 100);
    expect(failed.map((job) => job.id)).not.toContain(`outbound-${id}`);
  });

  it('fails a user error at once and lists it among the failed jobs', async () => {
    const id = randomUUID();
    harness.scripts.set(id, () => Promise.reject(JobError.user('invalid phone number')));
    await harness.queues.add('outbound', { v: 1, outboxEffectId: id });
    await waitFor(() => callsOf(harness, id).length === 1);

    let failed: { jobs: { id: string }[] } = { jobs: [] };
    for (let tries = 0; tries < 200 && !failed.jobs.some((job) => job.id === `outbound-${id}`); tries += 1) {
      if (tries > 0) await sleep(20);
      const response = await fetch(`${harness.api.url}/api/queues/outbound/failed`);
      expect(response.status).toBe(200);
      failed = (await response.json()) as typeof failed;
    }
    expect(failed.jobs.find((job) => job.id === `outbound-${id}`)).toEqual({
      id: `outbound-${id}`,
      name: 'outbound',
      failedReason: 'user: invalid phone number',
      attemptsMade: 1,
      timestamp: expect.any(Number),
      finishedOn: expect.any(Number),
    });
    await sleep(200);
    expect(callsOf(harness, id)).toHaveLength(1);

    const counts = await fetch(`${harness.api.url}/api/queues`);
    expect(counts.status).toBe(200);
    const body = (await counts.json()) as { backend: string; queues: { name: string; failed: number }[] };
    expect(body.backend).toBe(kind);
    expect(body.queues.map((queue) => queue.name)).toEqual(['inbound', 'timers', 'outbound', 'events']);
    expect(body.queues.find((queue) => queue.name === 'outbound')?.failed).toBeGreaterThanOrEqual(1);
  });

  it('does not retry a system error', async () => {
    const id = randomUUID();
    harness.scripts.set(id, () => Promise.reject(JobError.system('flow version missing')));
    await harness.queues.add('inbound', { v: 1, inboundEventId: id });
    await waitFor(() => callsOf(harness, id).length === 1);
    await sleep(300);
    expect(callsOf(harness, id)).toHaveLength(1);
    const failed = await harness.queues.findFailed('inbound', 100);
    expect(failed.find((job) => job.id === `inbound-${id}`)?.failedReason).toBe('system: flow version missing');
  });

  it('ensureJobs adds missing jobs, retries failed ones, runs completed ones again, and leaves waiting ones alone', async () => {
    const failing = randomUUID();
    const missing = randomUUID();
    const done = randomUUID();
    let fail = true;
    harness.scripts.set(failing, () => (fail ? Promise.reject(JobError.system('crashed worker')) : Promise.resolve()));
    await harness.queues.add('events', { v: 1, externalEventId: failing });
    await harness.queues.add('events', { v: 1, externalEventId: done });
    await waitFor(() => callsOf(harness, failing).length === 1 && callsOf(harness, done).length === 1);
    await sleep(200); // the failure recorded
    fail = false;
    const later = randomUUID();
    await harness.queues.add('events', { v: 1, externalEventId: later }, { delayMs: 60_000 });
    // The rows are unsettled (the sweep only asks for those): each needs its job to run.
    const result = await harness.queues.ensureJobs('events', [failing, missing, done, later].map((id) => ({ v: 1 as const, externalEventId: id })));
    expect(result).toEqual({ ensured: 4, revived: 2 });
    await waitFor(() => callsOf(harness, failing).length === 2 && callsOf(harness, missing).length === 1 && callsOf(harness, done).length === 2);
    await sleep(200);
    expect(callsOf(harness, later)).toHaveLength(0);
  });

  it('ensureJobs looks at the state of the oldest rows only (a backlog costs one bulk add), and still adds every missing job', async () => {
    const failing = randomUUID();
    let fail = true;
    harness.scripts.set(failing, () => (fail ? Promise.reject(JobError.system('crashed worker')) : Promise.resolve()));
    await harness.queues.add('events', { v: 1, externalEventId: failing });
    await waitFor(() => callsOf(harness, failing).length === 1);
    await sleep(200); // the failure recorded
    fail = false;
    const waiting = randomUUID();
    await harness.queues.add('events', { v: 1, externalEventId: waiting }, { delayMs: 60_000 });
    const missing = randomUUID();
    const rows = [waiting, failing, missing].map((id) => ({ v: 1 as const, externalEventId: id }));
    // The failed job is second, past the one row inspected: not revived by this sweep.
    expect(await harness.queues.ensureJobs('events', rows, { inspect: 1 })).toEqual({ ensured: 3, revived: 0 });
    await waitFor(() => callsOf(harness, missing).length === 1);
    await sleep(200);
    expect(callsOf(harness, failing)).toHaveLength(1);
    // Once it is among the oldest, a sweep revives it.
    expect(await harness.queues.ensureJobs('events', rows.slice(1), { inspect: 1 })).toEqual({ ensured: 2, revived: 1 });
    await waitFor(() => callsOf(harness, failing).length === 2);
    expect(callsOf(harness, waiting)).toHaveLength(0);
  });

  it('shows the queues to owners and admins only, and 404 for an unknown queue', async () => {
    harness.principal.role = 'editor';
    try {
      expect((await fetch(`${harness.api.url}/api/queues`)).status).toBe(403);
    } finally {
      harness.principal.role = 'owner';
    }
    const unknown = await fetch(`${harness.api.url}/api/queues/nope/failed`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'queue_not_found' } });
  });

  describe('with another app', () => {
    let other: Harness | undefined;
    afterEach(async () => {
      await stopHarness(other);
      other = undefined;
    });

    it.each(['a queued job', "a stored row's run here"])('finishes %s in flight before the app has closed', async (what) => {
      other = await startHarness(env);
      const id = randomUUID();
      let finished = false;
      other.scripts.set(id, async () => {
        await sleep(500);
        finished = true;
      });
      if (what === 'a queued job') await other.queues.add('inbound', { v: 1, inboundEventId: id });
      else await other.queues.addAfterStore('inbound', { v: 1, inboundEventId: id });
      const current = other;
      await waitFor(() => callsOf(current, id).length === 1);
      other = undefined;
      await current.api.close();
      expect(finished).toBe(true);
      await deleteRedisKeys(current);
    });

    it('runs no worker when ROLE=api, but still enqueues (a stored row too: it is never run here)', async () => {
      other = await startHarness({ ...env, ROLE: 'api' });
      const id = randomUUID();
      const stored = randomUUID();
      await other.queues.add('inbound', { v: 1, inboundEventId: id });
      expect(await other.queues.addAfterStore('inbound', { v: 1, inboundEventId: stored })).toBe(true);
      await sleep(300);
      expect(callsOf(other, id)).toHaveLength(0);
      expect(callsOf(other, stored)).toHaveLength(0);
      const counts = await other.queues.counts();
      expect(counts.find((queue) => queue.name === 'inbound')?.waiting).toBe(2);
    });
  });
});
