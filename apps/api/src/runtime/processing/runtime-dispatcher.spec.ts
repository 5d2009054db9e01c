import { describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import type { QueueService } from '../../queues/queue.service.js';
import type { Clock } from '../clock.js';
import type { InlineClaim } from '../inline-send-claims.js';
import { DEFAULT_DISPATCH_SWEEP_SETTINGS } from './dispatch-sweep-settings.js';
import type { OutboxRecord, OutboxRepository } from './outbox.repository.js';
import { RuntimeDispatcher } from './runtime-dispatcher.js';
import type { SendPerformer } from './send-performer.js';

function send(id: string, conversationId: string): OutboxRecord {
  return { id, workspaceId: 'ws', sessionId: 's', effectId: `effect-${id}`, type: 'send', payload: { conversationId, channel: 'sandbox', messageId: `m-${id}` }, status: 'pending' };
}

function claimOf(conversationId: string, ids: readonly string[], complete: boolean): InlineClaim {
  return {
    conversationId,
    channel: 'sandbox',
    token: `token-${conversationId}`,
    complete,
    sends: ids.map((id) => ({ row: send(id, conversationId), messageId: `m-${id}`, message: { kind: 'text', text: id } })),
  };
}

function dispatcherWith(
  rows: OutboxRecord[],
  tryInline: (row: OutboxRecord) => Promise<readonly string[] | null>,
  performClaimed: (claim: InlineClaim) => Promise<readonly string[]> = (claim) => Promise.resolve(claim.sends.map((s) => s.row.id)),
) {
  const inlineCalls: string[] = [];
  const enqueued: unknown[] = [];
  const lookedUp: string[][] = [];
  const dispatcher = new RuntimeDispatcher(
    {} as DataSource,
    { add: (_queue: string, payload: unknown) => Promise.resolve(void enqueued.push(payload)) } as unknown as QueueService,
    {
      listPendingForConversations: (ids: readonly string[]) => {
        lookedUp.push([...ids]);
        return Promise.resolve(rows.filter((row) => ids.includes(String(row.payload['conversationId']))));
      },
    } as unknown as OutboxRepository,
    { now: () => new Date('2026-12-04T12:00:00Z') } as Clock,
    {
      tryInline: async (row: OutboxRecord) => {
        inlineCalls.push(row.id);
        return tryInline(row);
      },
      performClaimed,
    } as unknown as SendPerformer,
    DEFAULT_DISPATCH_SWEEP_SETTINGS,
  );
  return { dispatcher, inlineCalls, enqueued, lookedUp };
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

  it('looks up nothing for a conversation whose step left only sends it claimed, all sent; looks up the others', async () => {
    // C's step also wrote a timer row (incomplete claim); D's claim was sent only in part; E had no claim.
    const rows = [send('c-timer', 'C'), send('d2', 'D')];
    const { dispatcher, lookedUp, inlineCalls } = dispatcherWith(
      rows,
      (row) => Promise.resolve([row.id]),
      (claim) => Promise.resolve(claim.conversationId === 'D' ? ['d1'] : claim.sends.map((s) => s.row.id)),
    );
    await dispatcher.dispatchConversations(['A', 'B', 'C', 'D', 'E'], [claimOf('A', ['a1', 'a2'], true), claimOf('B', ['b1'], true), claimOf('C', ['c1'], false), claimOf('D', ['d1', 'd2'], true)]);
    expect(lookedUp).toEqual([['C', 'D', 'E']]);
    expect(inlineCalls).toEqual(['c-timer', 'd2']);
  });

  it('looks a conversation up when any of its claims is not settled', async () => {
    const { dispatcher, lookedUp } = dispatcherWith([], () => Promise.resolve(null));
    await dispatcher.dispatchConversations(['A'], [claimOf('A', ['a1'], true), claimOf('A', ['a2'], false)]);
    expect(lookedUp).toEqual([['A']]);
  });
});
