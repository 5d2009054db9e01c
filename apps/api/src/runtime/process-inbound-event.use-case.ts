import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { RealtimeBus } from '../realtime/realtime-bus.js';
import { Clock } from './clock.js';
import { ContactResolver } from './contact-resolver.js';
import { ConversationRepository, type ConversationRecord } from './conversation.repository.js';
import { FlowSessionRepository } from './flow-session.repository.js';
import { InboundEventRepository, type InboundEventRecord } from './inbound-event.repository.js';
import { InlineSendClaims, type InlineClaim } from './inline-send-claims.js';
import { parseInboundEventPayload } from './inbound-event-payload.js';
import { lockConversation, lockSender } from './runtime-sql.js';
import { SessionStepper } from './session-stepper.js';

export interface ProcessInboundEventCommand {
  readonly workspaceId: string;
  readonly eventId: string;
  /** The event's channel and sender when the caller read them already: saves a read before the lock. */
  readonly sender?: { readonly channel: string; readonly sender: string };
}

export type InboundOutcome = 'processed' | 'ignored' | 'failed';

export interface ProcessInboundEventResult {
  /** 'done' when this event was processed now; 'already_processed' when an earlier call (or a predecessor's) did it. */
  readonly status: 'done' | 'already_processed' | 'not_found';
  /** Every event processed by this call, oldest first: the sender's earlier pending events, then this one. */
  readonly processed: readonly { readonly eventId: string; readonly outcome: InboundOutcome }[];
  /** The conversations those events went to (what has new work to dispatch). */
  readonly conversationIds: readonly string[];
  /** Replies the steps claimed for this process to send right after the commit (see InlineSendClaims). */
  readonly inlineSends: readonly InlineClaim[];
}

/**
 * Processes an inbound event in one transaction: contact, conversation, the inbound message,
 * the engine step, the new state, the run log, every effect as an outbox row, and the event
 * marked processed — all committed together or not at all.
 *
 * Order: events of one sender are processed one at a time (the sender's advisory lock) and in
 * arrival order (received_at, seq). A call for event N first processes the sender's earlier
 * events still pending, in the same transaction, so a job that runs early (retries, parallel
 * workers) never overtakes one that arrived before it; the later jobs of those events find
 * them processed and do nothing. The status is re-read under the lock, so a redelivered job
 * is a no-op. If any event of the batch throws, nothing is written and the job is retried;
 * an event that can never be processed must be marked failed (its payload unreadable is
 * handled here) or it holds back its sender's later events.
 */
@Injectable()
export class ProcessInboundEventUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: InboundEventRepository,
    private readonly contacts: ContactResolver,
    private readonly conversations: ConversationRepository,
    private readonly sessions: FlowSessionRepository,
    private readonly stepper: SessionStepper,
    private readonly clock: Clock,
    private readonly bus: RealtimeBus,
    private readonly inlineClaims: InlineSendClaims,
  ) {}

  async execute({ workspaceId, eventId, sender }: ProcessInboundEventCommand): Promise<ProcessInboundEventResult> {
    return this.dataSource.transaction(async (tx) => {
      let pending: InboundEventRecord[];
      if (sender === undefined) {
        const event = await this.events.findById(tx, { workspaceId, id: eventId });
        if (event === null) return { status: 'not_found', processed: [], conversationIds: [], inlineSends: [] };
        if (event.status !== 'received') return { status: 'already_processed', processed: [], conversationIds: [], inlineSends: [] };
        await lockSender(tx, event);
        pending = await this.events.listPendingUpTo(tx, event);
      } else {
        // Under the lock, the list says it all: an event missing from it was processed (or deleted).
        await lockSender(tx, { workspaceId, ...sender });
        pending = await this.events.listPendingUpToId(tx, { workspaceId, ...sender, id: eventId });
      }
      return this.processPending(tx, eventId, pending);
    });
  }

  /**
   * The same as `execute`, inside a transaction that already holds the event's sender lock (a
   * batch of steps, InboundStepBatch): the caller's claims are collected apart from the batch's.
   */
  async executeLocked(tx: EntityManager, { workspaceId, eventId, sender }: Required<ProcessInboundEventCommand>): Promise<ProcessInboundEventResult> {
    const pending = await this.events.listPendingUpToId(tx, { workspaceId, ...sender, id: eventId });
    return this.processPending(tx, eventId, pending);
  }

  private async processPending(tx: EntityManager, eventId: string, pending: readonly InboundEventRecord[]): Promise<ProcessInboundEventResult> {
    if (!pending.some((e) => e.id === eventId)) return { status: 'already_processed', processed: [], conversationIds: [], inlineSends: [] };
    const processed: { eventId: string; outcome: InboundOutcome }[] = [];
    const conversationIds = new Set<string>();
    // The caller sends the replies right after the commit: the steps may claim them as they write them.
    this.inlineClaims.collect(tx);
    let inlineSends: readonly InlineClaim[];
    try {
      for (const next of pending) {
        const { outcome, conversationId } = await this.processOne(tx, next);
        processed.push({ eventId: next.id, outcome });
        if (conversationId !== null) conversationIds.add(conversationId);
      }
    } finally {
      inlineSends = this.inlineClaims.take(tx);
    }
    return { status: 'done', processed, conversationIds: [...conversationIds], inlineSends };
  }

  private async processOne(tx: EntityManager, event: InboundEventRecord): Promise<{ outcome: InboundOutcome; conversationId: string | null }> {
    const now = this.clock.now();
    const { workspaceId } = event;
    const payload = parseInboundEventPayload(event.payload);
    if (payload === null) {
      await this.events.markDone(tx, { workspaceId, id: event.id, status: 'failed', at: now, error: 'unreadable payload' });
      return { outcome: 'failed', conversationId: null };
    }
    const contactId = await this.contacts.resolve(tx, { workspaceId, channel: event.channel, sender: event.sender, name: payload.contactName });
    const { conversation, firstContact } = await this.openConversation(tx, { workspaceId, contactId, channel: event.channel, now });
    const messageId = await this.conversations.insertInboundMessage(tx, {
      workspaceId,
      conversationId: conversation.id,
      channel: event.channel,
      kind: payload.message.kind,
      content: payload.message,
      providerMessageId: event.providerKey,
      at: now,
    });
    if (messageId !== null) await this.bus.notify(tx, { type: 'message', workspaceId, conversationId: conversation.id, messageId });

    let outcome: InboundOutcome = 'processed';
    const session = await this.sessions.findRunning(tx, { workspaceId, conversationId: conversation.id });
    if (session !== null) {
      // During a handoff the engine ignores the message: the bot stays silent, the message is stored.
      const result = await this.stepper.step(tx, { session, conversation, event: { type: 'message', message: payload.message }, now });
      if (result.outcome === 'ignored') outcome = 'ignored';
    } else if (conversation.status === 'handoff') {
      outcome = 'ignored'; // a person owns it: no flow starts
    } else if (conversation.simulatedFlowId !== null) {
      outcome = 'ignored'; // a simulation runs only its draft: once that ended, nothing else starts
    } else {
      const started = await this.stepper.startForMessage(tx, { conversation, message: payload.message, firstContact, now });
      if (started === null) outcome = 'ignored';
    }
    await this.events.markDone(tx, { workspaceId, id: event.id, status: outcome, at: now });
    return { outcome, conversationId: conversation.id };
  }

  /** The contact's live conversation on the channel (locked), or a new one. */
  private async openConversation(
    tx: EntityManager,
    { workspaceId, contactId, channel, now }: { workspaceId: string; contactId: string; channel: string; now: Date },
  ): Promise<{ conversation: ConversationRecord; firstContact: boolean }> {
    // Read as it is under the lock: a timer step may have just handed it off, or resolved it.
    const live = await this.conversations.lockLive(tx, { workspaceId, contactId, channel });
    if (live !== null) return { conversation: live, firstContact: false };
    // "First contact": the contact's very first message, not merely the first after a flow ended.
    const firstContact = (await this.conversations.countForContact(tx, { workspaceId, contactId })) === 0;
    const conversation = await this.conversations.insert(tx, { workspaceId, contactId, channel, at: now });
    await lockConversation(tx, conversation.id);
    return { conversation, firstContact };
  }
}
