import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { StepResult } from '@jornada/flow-engine';
import { DataSource, type EntityManager } from 'typeorm';
import { RealtimeBus } from '../realtime/realtime-bus.js';
import { Clock } from './clock.js';
import type { InlineClaim } from './inline-send-claims.js';
import { parseInboundEventPayload } from './inbound-event-payload.js';
import { InboundStepBatchRepository, type BatchedEvent, type BatchedStepWrite } from './inbound-step-batch.repository.js';
import { ProcessInboundEventUseCase, type ProcessInboundEventResult } from './process-inbound-event.use-case.js';
import { scopeOf, SessionStepper } from './session-stepper.js';
import { planStepWrite, StepWriter } from './step-writer.js';

/** Effects the batch writes itself; a step with any other goes the single way (StepWriter). */
const BATCHED_EFFECTS = new Set(['send', 'log', 'end_session', 'schedule_timer', 'cancel_timer']);

/**
 * Many senders' inbound events stepped in one transaction, with the same outcome as stepping
 * each alone (ProcessInboundEventUseCase) in a fraction of the round trips: on this machine a
 * round trip costs both processes far more CPU than the statement's own work, and a step alone
 * is eleven of them. The batch takes every sender's lock in one statement (in one order), reads
 * every event's pending list and live conversation (locked) in one, every running session in
 * one, steps each session in memory and writes every step's rows in one; a batch is six round
 * trips whatever its size.
 *
 * The common case goes that way: a sender known, with a live conversation and a running
 * session, this event its only pending one, a step whose effects are replies, timers and log
 * lines. Anything else — a new contact or conversation, a flow to start, a backlog of the
 * sender's events, a handoff or a contact change — is stepped by the single use case inside
 * the same transaction, under the locks the batch holds. If anything fails, the whole batch
 * rolls back and its caller steps each event alone, so one bad event fails only itself.
 */
@Injectable()
export class InboundStepBatch {
  constructor(
    private readonly dataSource: DataSource,
    private readonly batch: InboundStepBatchRepository,
    private readonly single: ProcessInboundEventUseCase,
    private readonly stepper: SessionStepper,
    private readonly writer: StepWriter,
    private readonly bus: RealtimeBus,
    private readonly clock: Clock,
  ) {}

  /** One result per event, in order. Events must have distinct senders. */
  async execute(events: readonly BatchedEvent[]): Promise<ProcessInboundEventResult[]> {
    if (events.length === 1) {
      const [event] = events as [BatchedEvent];
      return [await this.single.execute({ workspaceId: event.workspaceId, eventId: event.eventId, sender: { channel: event.channel, sender: event.sender } })];
    }
    return this.dataSource.transaction(async (tx) => {
      await this.batch.lockSenders(tx, events);
      const locked = await this.batch.readLocked(tx, events);
      const sessions = await this.batch.runningSessions(tx, [...locked.values()].map((l) => l.conversation));
      const results: ProcessInboundEventResult[] = [];
      const writes: { index: number; write: BatchedStepWrite; channel: string }[] = [];
      const alone: number[] = [];
      const conversations = new Set<string>();
      for (const [index, event] of events.entries()) {
        const found = locked.get(index);
        if (found !== undefined && !found.pending.includes(event.eventId)) {
          results[index] = { status: 'already_processed', processed: [], conversationIds: [], inlineSends: [] };
          continue;
        }
        const session = found === undefined ? undefined : sessions.get(found.conversation.id);
        const payload = found === undefined ? null : parseInboundEventPayload(found.payload);
        if (found === undefined || session === undefined || payload === null || found.pending.length !== 1 || conversations.has(found.conversation.id)) {
          alone.push(index);
          continue;
        }
        conversations.add(found.conversation.id);
        const now = this.clock.now();
        const stepEvent = { type: 'message', message: payload.message } as const;
        const result = await this.stepper.run(tx, { session, event: stepEvent, now });
        if (!batchable(result)) {
          alone.push(index);
          continue;
        }
        const scope = scopeOf(session, found.conversation);
        const changed = result.outcome !== 'ignored';
        const plan = planStepWrite({ scope, event: stepEvent, result, stepKey: `${session.id}#${String(changed ? session.version + 1 : session.version)}` });
        const write: BatchedStepWrite = {
          workspaceId: event.workspaceId,
          eventId: event.eventId,
          outcome: changed ? 'processed' : 'ignored',
          at: now,
          conversation: found.conversation,
          inbound: { kind: payload.message.kind, content: payload.message, providerMessageId: found.providerKey },
          sessionId: session.id,
          save: changed ? { state: result.state, expectedVersion: session.version } : null,
          log: plan.log,
          sends: plan.sends,
          claimToken: plan.sends.length > 0 && this.writer.sendsInline(found.conversation.channel) ? randomUUID() : null,
          timers: plan.others.flatMap(({ effect }) => (effect.type === 'schedule_timer' || effect.type === 'cancel_timer' ? [effect] : [])),
        };
        writes.push({ index, write, channel: found.conversation.channel });
      }
      if (writes.length > 0) await this.writeBatched(tx, writes, results);
      for (const index of alone) {
        const event = events[index] as BatchedEvent;
        results[index] = await this.single.executeLocked(tx, { workspaceId: event.workspaceId, eventId: event.eventId, sender: { channel: event.channel, sender: event.sender } });
      }
      return results;
    });
  }

  private async writeBatched(tx: EntityManager, writes: readonly { index: number; write: BatchedStepWrite; channel: string }[], results: ProcessInboundEventResult[]): Promise<void> {
    const written = await this.batch.write(
      tx,
      writes.map((w) => w.write),
    );
    for (const { index, write, channel } of writes) {
      const { workspaceId } = write;
      const conversationId = write.conversation.id;
      const messageId = written.inboundMessageIds.get(conversationId);
      // Delivered at commit, as the single step's: the inbox sees the message, the simulator the session.
      if (messageId !== undefined) await this.bus.notify(tx, { type: 'message', workspaceId, conversationId, messageId });
      await this.bus.notify(tx, { type: 'session', workspaceId, conversationId, sessionId: write.sessionId });
      const inlineSends: InlineClaim[] = [];
      if (write.claimToken !== null) {
        const sends = write.sends.flatMap((send) => {
          const id = written.claimedIds.get(send.effectId);
          if (id === undefined) return [];
          return [{ row: { id, workspaceId, sessionId: write.sessionId, effectId: send.effectId, type: 'send', payload: send.payload, status: 'pending' as const }, messageId: send.messageId, message: send.content }];
        });
        if (sends.length > 0) inlineSends.push({ conversationId, channel, token: write.claimToken, sends });
      }
      results[index] = { status: 'done', processed: [{ eventId: write.eventId, outcome: write.outcome }], conversationIds: [conversationId], inlineSends };
    }
  }
}

/** Whether the batch can write what the step produced itself: replies, timers and log lines only. */
function batchable(result: StepResult): boolean {
  const scheduled = new Set<string>();
  for (const effect of result.effects) {
    if (!BATCHED_EFFECTS.has(effect.type)) return false;
    if (effect.type === 'schedule_timer') scheduled.add(effect.timerId);
    // One statement cannot cancel a row it inserts: such a step goes the single way.
    if (effect.type === 'cancel_timer' && scheduled.has(effect.timerId)) return false;
  }
  return true;
}
