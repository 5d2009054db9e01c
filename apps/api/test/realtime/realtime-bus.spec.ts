// The realtime bus on a real database: an event announced in a transaction arrives once that
// transaction commits, never if it rolls back, and events of a burst travel together.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { RealtimeBus } from '../../src/realtime/realtime-bus.js';
import type { RealtimeEvent } from '../../src/realtime/realtime-event.js';
import { eventually } from '../runtime/sandbox-client.js';
import { createTestApp, type TestApp } from '../support/create-test-app.js';

describe('RealtimeBus', () => {
  let api: TestApp;
  let bus: RealtimeBus;
  let dataSource: DataSource;

  beforeAll(async () => {
    api = await createTestApp({ env: { ROLE: 'api' } });
    bus = api.app.get(RealtimeBus);
    dataSource = api.app.get(DataSource);
  });
  afterAll(() => api.close());

  const listen = async (conversationId: string): Promise<RealtimeEvent[]> => {
    const received: RealtimeEvent[] = [];
    bus.subscribe(conversationId, (event) => received.push(event));
    await bus.ready();
    return received;
  };

  it('delivers an event announced in a transaction after the commit, and drops one whose transaction rolled back', async () => {
    const conversationId = randomUUID();
    const received = await listen(conversationId);
    const committed: RealtimeEvent = { type: 'session', workspaceId: 'w', conversationId, sessionId: 'committed' };
    const rolledBack: RealtimeEvent = { type: 'session', workspaceId: 'w', conversationId, sessionId: 'rolled-back' };

    await dataSource.transaction(async (tx) => {
      await bus.notify(tx, committed);
      await sleep(100);
      // Still inside the transaction: nothing has left.
      await bus.drain();
      expect(received).toEqual([]);
    });
    await expect(
      dataSource.transaction(async (tx) => {
        await bus.notify(tx, rolledBack);
        throw new Error('the step failed');
      }),
    ).rejects.toThrow('the step failed');

    await eventually(() => Promise.resolve(received.length > 0 ? true : undefined));
    await bus.drain();
    await sleep(100);
    expect(received).toEqual([committed]);
  });

  it('sends a burst of events in a few notifications, in order', async () => {
    const conversationId = randomUUID();
    const received = await listen(conversationId);
    const burst = Array.from({ length: 500 }, (_, i): RealtimeEvent => ({ type: 'message', workspaceId: 'w', conversationId, messageId: `m${String(i)}` }));
    for (const event of burst) await bus.notify(dataSource, event);
    await eventually(() => Promise.resolve(received.length === burst.length ? true : undefined));
    expect(received).toEqual(burst);
  });
});
