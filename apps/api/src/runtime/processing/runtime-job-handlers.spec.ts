import { describe, expect, it } from '@jest/globals';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config.js';
import { DEFAULT_QUEUE_SETTINGS } from '../../queues/queue-settings.js';
import type { Clock } from '../clock.js';
import type { FireTimerUseCase } from '../fire-timer.use-case.js';
import type { InboundEventRepository } from '../inbound-event.repository.js';
import type { InboundStepBatch } from '../inbound-step-batch.js';
import type { BatchedEvent } from '../inbound-step-batch.repository.js';
import type { ProcessInboundEventResult } from '../process-inbound-event.use-case.js';
import type { StartFlowUseCase } from '../start-flow.use-case.js';
import type { FailInboundEventUseCase } from './fail-inbound-event.use-case.js';
import type { HttpRequestPerformer } from './http-request-performer.js';
import type { OutboxRepository } from './outbox.repository.js';
import type { RuntimeDispatcher } from './runtime-dispatcher.js';
import { RuntimeJobHandlers } from './runtime-job-handlers.js';
import type { SendPerformer } from './send-performer.js';

const done = (...eventIds: string[]): ProcessInboundEventResult => ({
  status: 'done',
  processed: eventIds.map((eventId) => ({ eventId, outcome: 'processed' })),
  conversationIds: ['conversation'],
  inlineSends: [],
});
const alreadyProcessed: ProcessInboundEventResult = { status: 'already_processed', processed: [], conversationIds: [], inlineSends: [] };

/** The handlers over fakes: `results` answers each event's step; the dispatcher records what it is asked. */
function handlersWith(results: Record<string, ProcessInboundEventResult>, { failDispatchOnce = false } = {}) {
  const afterInbound: string[][] = [];
  const dispatched: string[][] = [];
  let failNext = failDispatchOnce;
  const batch = { execute: (events: readonly BatchedEvent[]) => Promise.resolve(events.map((e) => results[e.eventId] ?? alreadyProcessed)) };
  const events = { findSender: () => Promise.resolve({ workspaceId: 'ws', channel: 'sandbox', sender: 'ana' }) };
  const dispatcher = {
    dispatchConversations: (ids: readonly string[]) => {
      if (failNext) {
        failNext = false;
        return Promise.reject(new Error('queue store down'));
      }
      dispatched.push([...ids]);
      return Promise.resolve();
    },
    afterInbound: (ids: readonly string[]) => Promise.resolve(void afterInbound.push([...ids])),
  };
  const handlers = new RuntimeJobHandlers(
    {} as DataSource,
    batch as unknown as InboundStepBatch,
    events as unknown as InboundEventRepository,
    {} as FailInboundEventUseCase,
    {} as FireTimerUseCase,
    dispatcher as unknown as RuntimeDispatcher,
    {} as OutboxRepository,
    {} as SendPerformer,
    {} as HttpRequestPerformer,
    {} as StartFlowUseCase,
    { now: () => new Date('2026-12-06T12:00:00Z') } as Clock,
    DEFAULT_QUEUE_SETTINGS,
    { warn: () => undefined } as unknown as Logger,
    { inboundBatchSize: 32 } as AppConfig,
  );
  const run = (inboundEventId: string) => handlers.inbound({ v: 1, inboundEventId }, { jobId: `inbound-${inboundEventId}`, attempt: 1 });
  return { run, afterInbound, dispatched };
}

describe('RuntimeJobHandlers.inbound', () => {
  it('dispatches after a step; the job of an event that step took along looks nothing up', async () => {
    // B's job ran first and stepped A (the sender's earlier message) with B.
    const { run, afterInbound, dispatched } = handlersWith({ B: done('A', 'B') });
    await run('B');
    await run('A');
    expect(dispatched).toEqual([['conversation']]);
    expect(afterInbound).toEqual([]);
  });

  it('looks up what is pending for an event processed elsewhere (a process that may have died before dispatching)', async () => {
    const { run, afterInbound } = handlersWith({});
    await run('A');
    expect(afterInbound).toEqual([['A']]);
  });

  it('looks up after all when the dispatch of the step that took the event along failed', async () => {
    const { run, afterInbound } = handlersWith({ B: done('A', 'B') }, { failDispatchOnce: true });
    await expect(run('B')).rejects.toThrow('queue store down');
    await run('A');
    expect(afterInbound).toEqual([['A']]);
  });
});
