// Durable timers through the real queues, on both backends: armed only near their due time,
// removed when cancelled (and never fired), marked failed when they can never fire.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { QueueBackend, QueueHandle } from '../../src/queues/queue-backend.js';
import { QUEUE_BACKEND } from '../../src/queues/queue-settings.js';
import { RecoverySweep } from '../../src/runtime/processing/recovery-sweep.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { deleteRedisKeys, QUEUE_BACKENDS, startRuntimeApp, type RuntimeApp } from './runtime-app.js';
import { publish, seedWorkspace, timeoutFlow, waitFlow } from './runtime-fixtures.js';
import { eventually, SandboxClient, textOf } from './sandbox-client.js';

interface TimerRow {
  id: string;
  status: string;
  armed_at: Date | null;
  error: string | null;
}

describe.each(QUEUE_BACKENDS)('durable timers (%s queues)', (backend) => {
  let database: TestDatabase;
  let api: RuntimeApp;
  let timersQueue: QueueHandle;
  let ws = '';
  const client = new SandboxClient(() => api.url);

  const timersOf = (conversationId: string) =>
    database.dataSource.query<TimerRow[]>(
      `SELECT t.id, t.status, t.armed_at, t.error FROM session_timers t JOIN flow_sessions s ON s.id = t.session_id WHERE s.conversation_id = $1 ORDER BY t.fire_at`,
      [conversationId],
    );
  const jobOf = async (timer: TimerRow) => timersQueue.getJob(`timers-${timer.id}`);
  const outTexts = async (id: string) => (await client.thread(id)).filter((m) => m.direction === 'out').map(textOf);

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startRuntimeApp({ database, backend, principal: () => ({ userId: 'u1', workspaceId: ws, role: 'owner' }) });
    ws = await seedWorkspace(database.dataSource, 'Timer shop');
    await publish(database.dataSource, { workspaceId: ws, document: waitFlow('later', { amount: 1, unit: 'hours' }) });
    await publish(database.dataSource, { workspaceId: ws, document: waitFlow('soon', { amount: 2, unit: 'seconds' }) });
    await publish(database.dataSource, { workspaceId: ws, document: timeoutFlow('Name', 'name', { amount: 2, unit: 'seconds' }) });
    timersQueue = api.app.get<QueueBackend>(QUEUE_BACKEND).createQueue('timers', { defaultJobOptions: {} });
  });
  afterAll(async () => {
    await timersQueue.close();
    await api.close();
    await database.drop();
    await deleteRedisKeys(api.redisPrefix);
  });

  it('keeps a timer beyond the arming horizon out of the queue, arms it as it comes near, and fires it once', async () => {
    const id = await client.newConversation();
    await client.say(id, { text: 'later' });
    await client.sentOut(id, 1);
    const [pending] = await timersOf(id);
    expect(pending).toMatchObject({ status: 'pending', armed_at: null });
    expect(await jobOf(pending as TimerRow)).toBeUndefined();

    // The hour passes (all but a second).
    await database.dataSource.query(`UPDATE session_timers SET fire_at = now() + interval '1 second' WHERE id = $1`, [pending?.id]);
    const sweep = api.app.get(RecoverySweep);
    expect((await sweep.run()).timersArmed).toBe(1);
    const [armed] = await timersOf(id);
    expect(armed?.armed_at).toBeInstanceOf(Date);
    expect(await jobOf(armed as TimerRow)).toBeDefined();

    await client.sentOut(id, 2);
    // Later sweeps (and the job, if it were delivered again) do not fire it a second time.
    await sweep.run({ lostJobGraceMs: 0 });
    await sleep(500);
    expect(await outTexts(id)).toEqual(['before the wait', 'after the wait']);
    expect((await timersOf(id)).map((t) => t.status)).toEqual(['fired']);
  });

  it('removes a cancelled timer from the queue, and it never fires', async () => {
    const id = await client.newConversation();
    await client.say(id, { text: 'name' });
    await client.sentOut(id, 1);
    // Dispatched right after the send: due within the horizon, so armed at once.
    const [armed] = await eventually(async () => {
      const rows = await timersOf(id);
      return rows[0]?.armed_at instanceof Date ? rows : undefined;
    });
    expect(armed?.status).toBe('pending');
    expect(await jobOf(armed as TimerRow)).toBeDefined();

    await client.say(id, { text: 'Ana' });
    await client.sentOut(id, 2);
    await eventually(async () => ((await jobOf(armed as TimerRow)) === undefined ? true : undefined), { what: 'the delayed job removed' });
    expect((await timersOf(id)).map((t) => t.status)).toEqual(['cancelled']);

    // Past the timeout, and after a sweep that would re-arm anything pending: still no "too late".
    await sleep(2500);
    await api.app.get(RecoverySweep).run({ lostJobGraceMs: 0 });
    await sleep(300);
    expect(await outTexts(id)).toEqual(['your name?', 'thanks Ana']);
  });

  it('marks a timer that can never fire as failed, with the reason in the run log, instead of leaving it pending', async () => {
    const id = await client.newConversation();
    await client.say(id, { text: 'soon' });
    await client.sentOut(id, 1);
    const [session] = await database.dataSource.query<{ id: string }[]>(`SELECT id FROM flow_sessions WHERE conversation_id = $1`, [id]);
    // A stored state the engine cannot read (a bad deploy, a hand edit): a system error, not retried.
    await database.dataSource.query(`UPDATE flow_sessions SET state = '{"unreadable": true}'::jsonb WHERE id = $1`, [session?.id]);

    const [failed] = await eventually(
      async () => {
        const rows = await timersOf(id);
        return rows[0]?.status === 'failed' ? rows : undefined;
      },
      { what: 'the timer marked failed' },
    );
    expect(failed?.error).toMatch(/stored state is not readable/);
    const log = await database.dataSource.query<{ data: Record<string, unknown> }[]>(`SELECT data FROM run_log_entries WHERE session_id = $1 AND kind = 'error'`, [session?.id]);
    expect(log).toEqual([{ data: expect.objectContaining({ errorClass: 'system', error: expect.stringMatching(/stored state is not readable/) }) }]);
    expect(await outTexts(id)).toEqual(['before the wait']);
  });
});
