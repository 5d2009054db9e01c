import { describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import type { QueueService } from '../../queues/queue.service.js';
import type { Clock } from '../clock.js';
import { DEFAULT_DISPATCH_SWEEP_SETTINGS } from './dispatch-sweep-settings.js';
import type { OutboxRecord, OutboxRepository } from './outbox.repository.js';
import { RuntimeDispatcher } from './runtime-dispatcher.js';
import type { SendPerformer } from './send-performer.js';

function send(id: string, conversationId: string): OutboxRecord {
  return { id, workspaceId: 'ws', sessionId: 's', effectId: `effect-${id}`, type: 'send', payload: { conversationId, channel: 'sandbox', messageId: `m-${id}` }, status: 'pending' };
}

function dispatcherWith(rows: OutboxRecord[], tryInline: (row: OutboxRecord) => Promise<readonly string[] | null>) {
  const inlineCalls: string[] = [];
  const enqueued: unknown[] = [];
  const dispatcher = new RuntimeDispatcher(
    {} as DataSource,
    { add: (_queue: string, payload: unknown) => Promise.resolve(void enqueued.push(payload)) } as unknown as QueueService,
    { listPendingForConversations: () => Promise.resolve(rows) } as unknown as OutboxRepository,
    { now: () => new Date('2026-12-04T12:00:00Z') } as Clock,
    {
      tryInline: async (row: OutboxRecord) => {
        inlineCalls.push(row.id);
        return tryInline(row);
      },
    } as unknown as SendPerformer,
    DEFAULT_DISPATCH_SWEEP_SETTINGS,
  );
  return { dispatcher, inlineCalls, enqueued };
}

describe('RuntimeDispatcher.dispatchConversations', () => {
  it('performs a conversation’s pending sends with one inline claim, not one per row', async () => {
    const rows = [send('a1', 'A'), send('a2', 'A'), send('b1', 'B'), send('a3', 'A')];
    const { dispatcher, inlineCalls, enqueued } = dispatcherWith(rows, (row) => Promise.resolve(row.payload['conversationId'] === 'A' ? ['a1', 'a2', 'a3'] : ['b1']));
    await dispatcher.dispatchConversations(['A', 'B']);
    expect(inlineCalls).toEqual(['a1', 'b1']);
    expect(enqueued).toEqual([]);
  });

  it('still dispatches a row the inline claim did not perform (it arrived after the claim, or another job had it)', async () => {
    const rows = [send('a1', 'A'), send('a2', 'A')];
    const { dispatcher, inlineCalls, enqueued } = dispatcherWith(rows, (row) => Promise.resolve(row.id === 'a1' ? [] : null));
    await dispatcher.dispatchConversations(['A']);
    expect(inlineCalls).toEqual(['a1', 'a2']);
    expect(enqueued).toEqual([{ v: 1, outboxEffectId: 'a2' }]);
  });
});
