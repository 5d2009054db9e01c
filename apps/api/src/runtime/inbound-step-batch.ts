import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { StepResult } from '@jornada/flow-engine';
import { DataSource, type EntityManager } from 'typeorm';
import { RealtimeBus } from '../realtime/realtime-bus.js';
import { Clock } from './clock.js';
import type { InlineClaim } from './inline-send-claims.js';
import { parseInboundEventPayload } from './inbound-event-payload.js';
import { InboundStepBatchRepository, type BatchedConversationWrite, type BatchedEvent, type BatchedStep, type LockedEvent } from './inbound-step-batch.repository.js';
import { ProcessInboundEventUseCase, type ProcessInboundEventResult } from './process-inbound-event.use-case.js';
import type { FlowSessionRecord } from './flow-session.repository.js';
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
 * session, and steps whose effects are replies, timers and log lines. The sender's pending
 * events up to this one (a customer who sent three messages in a row) are stepped one after
 * the other in memory, in arrival order, and written together. Anything else — a new contact or
 * conversation, a flow to start (or the session ending with events left), a handoff or a
 * contact change — is stepped by the single use case inside the same transaction, under the
 * locks the batch holds. If anything fails, the whole batch
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
      const writes: { index: number; write: BatchedConversationWrite }[] = [];
      const alone: number[] = [];
      const conversations = new Set<string>();
      for (const [index, event] of events.entries()) {
        const found = locked.get(index);
        if (found !== undefined && !found.pending.some((pending) => pending.id === event.eventId)) {
          results[index] = { status: 'already_processed', processed: [], conversationIds: [], inlineSends: [] };
          continue;
        }
        const session = found === undefined ? undefined : sessions.get(found.conversation.id);
        const write = found === undefined || session === undefined || conversations.has(found.conversation.id) ? null : await this.stepAll(tx, event, found, session);
        if (write === null) {
          alone.push(index);
          continue;
        }
        conversations.add(write.conversation.id);
        writes.push({ index, write });
      }
      if (writes.length > 0) await this.writeBatched(tx, writes, results);
      for (const index of alone) {
        const event = events[index] as BatchedEvent;
        results[index] = await this.single.executeLocked(tx, { workspaceId: event.workspaceId, eventId: event.eventId, sender: { channel: event.channel, sender: event.sender } });
      }
      return results;
    });
  }

  /**
   * Steps the sender's pending events (oldest first) through the running session in memory, as
   * the single path would one after the other; null when one of them needs the single path
   * (an unreadable payload, an effect the batch does not write, the session ending with events
   * left for a flow yet to start).
   */
  private async stepAll(tx: EntityManager, event: BatchedEvent, found: LockedEvent, session: FlowSessionRecord): Promise<BatchedConversationWrite | null> {
    const steps: BatchedStep[] = [];
    let current = session;
    let changed = 0;
    for (const pending of found.pending) {
      const payload = parseInboundEventPayload(pending.payload);
      if (payload === null || current.state === null || (current !== session && isEnded(current.state))) return null;
      const now = this.clock.now();
      const stepEvent = { type: 'message', message: payload.message } as const;
      const result = await this.stepper.run(tx, { session: current, event: stepEvent, now });
      if (!batchable(result)) return null;
      const advanced = result.outcome !== 'ignored';
      const version = advanced ? current.version + 1 : current.version;
      const plan = planStepWrite({ scope: scopeOf(current, found.conversation), event: stepEvent, result, stepKey: `${session.id}#${String(version)}` });
      steps.push({
        eventId: pending.id,
        outcome: advanced ? 'processed' : 'ignored',
        at: now,
        inbound: { messageId: randomUUID(), kind: payload.message.kind, content: payload.message, providerMessageId: pending.providerKey },
        log: plan.log,
        sends: plan.sends,
        timers: plan.others.flatMap(({ effect }) => (effect.type === 'schedule_timer' || effect.type === 'cancel_timer' ? [effect] : [])),
      });
      if (advanced) {
        changed += 1;
        current = { ...current, state: result.state, version };
      }
    }
    const sends = steps.some((step) => step.sends.length > 0);
    return {
      workspaceId: event.workspaceId,
      conversation: found.conversation,
      sessionId: session.id,
      save: changed === 0 ? null : { state: current.state as { status: string }, expectedVersion: session.version, steps: changed },
      claimToken: sends && this.writer.sendsInline(found.conversation.channel) ? randomUUID() : null,
      steps,
    };
  }

  private async writeBatched(tx: EntityManager, writes: readonly { index: number; write: BatchedConversationWrite }[], results: ProcessInboundEventResult[]): Promise<void> {
    const written = await this.batch.write(
      tx,
      writes.map((w) => w.write),
    );
    for (const { index, write } of writes) {
      const { workspaceId, sessionId, claimToken } = write;
      const conversationId = write.conversation.id;
      // Delivered at commit, as the single step's: the inbox sees the messages, the simulator the session.
      for (const step of write.steps) {
        if (written.storedInbound.has(step.inbound.messageId)) await this.bus.notify(tx, { type: 'message', workspaceId, conversationId, messageId: step.inbound.messageId });
      }
      await this.bus.notify(tx, { type: 'session', workspaceId, conversationId, sessionId });
      const inlineSends: InlineClaim[] = [];
      if (claimToken !== null) {
        const sends = write.steps.flatMap((step) =>
          step.sends.flatMap((send) => {
            const id = written.claimedIds.get(send.effectId);
            if (id === undefined) return [];
            return [{ row: { id, workspaceId, sessionId, effectId: send.effectId, type: 'send', payload: send.payload, status: 'pending' as const }, messageId: send.messageId, message: send.content }];
          }),
        );
        // Complete when every send was claimed and no step wrote a timer row: nothing else of these steps is pending.
        const complete = write.steps.every((step) => step.timers.length === 0) && sends.length === write.steps.reduce((n, step) => n + step.sends.length, 0);
        if (sends.length > 0) inlineSends.push({ conversationId, channel: write.conversation.channel, token: claimToken, sends, complete });
      }
      results[index] = { status: 'done', processed: write.steps.map((step) => ({ eventId: step.eventId, outcome: step.outcome })), conversationIds: [conversationId], inlineSends };
    }
  }
}

/** Whether a stored session state says the session ended (no more steps on it). */
function isEnded(state: unknown): boolean {
  return typeof state === 'object' && state !== null && (state as { status?: unknown }).status === 'ended';
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
