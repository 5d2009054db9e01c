import { Injectable } from '@nestjs/common';
import type { CommerceEvent, Json } from '@jornada/flow-engine';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../clock.js';
import { ConversationRepository, type ConversationRecord } from '../conversation.repository.js';
import { FlowSessionRepository } from '../flow-session.repository.js';
import { lockConversation } from '../runtime-sql.js';
import { SessionStepper } from '../session-stepper.js';
import { CommerceFlowStarter, commerceStartData, isCommerceEvent, type MatchedFlow } from './commerce-flow-starter.js';
import { ExternalContactResolver } from './external-contact-resolver.js';
import { ExternalEventRepository, type ExternalEventRecord } from './external-event.repository.js';

export interface ProcessExternalEventCommand {
  readonly workspaceId: string;
  readonly eventId: string;
}

export interface ExternalEventOutcome {
  readonly contactId: string;
  /** Running sessions of the contact the event advanced (waiting for it). */
  readonly resumed: string[];
  /** Sessions of commerce-triggered flows started for it. */
  readonly started: { flowId: string; sessionId: string }[];
  /** Flows whose trigger matched but that did not start, and why. */
  readonly skipped: { flowId: string; reason: string }[];
}

export type ProcessExternalEventResult =
  | { readonly status: 'done'; readonly outcome: ExternalEventOutcome; readonly conversationIds: string[] }
  | { readonly status: 'already_processed' | 'not_found' };

/** Preferred channel for a business-initiated conversation with a contact who has a phone. */
const PHONE_CHANNEL = 'whatsapp';

/**
 * Routes a stored external event, in one transaction: (a) every running session of its
 * contact is stepped with `{ type: 'external' }` (the engine resumes the ones waiting for it;
 * 'ignored' changes nothing); (b) a commerce event starts the published flows whose trigger
 * matches, pinned to their current version, unless a session of that flow is already running
 * for the contact. Locks: the event row, then the contact's event lock (events of one contact
 * are routed one at a time), then each conversation's lock (the one the inbound and timer
 * paths take) before its session is stepped or started. State, run log, outbox rows, timers
 * and the event's status commit together.
 */
@Injectable()
export class ProcessExternalEventUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: ExternalEventRepository,
    private readonly contactResolver: ExternalContactResolver,
    private readonly conversations: ConversationRepository,
    private readonly sessions: FlowSessionRepository,
    private readonly stepper: SessionStepper,
    private readonly starter: CommerceFlowStarter,
    private readonly clock: Clock,
  ) {}

  async execute({ workspaceId, eventId }: ProcessExternalEventCommand): Promise<ProcessExternalEventResult> {
    const peek = await this.events.lockById(this.dataSource, { workspaceId, id: eventId });
    if (peek === null) return { status: 'not_found' };
    if (peek.status !== 'received') return { status: 'already_processed' };
    const contactId = await this.contactResolver.resolve(workspaceId, peek.contact);
    return this.dataSource.transaction(async (tx) => {
      const event = await this.events.lockById(tx, { workspaceId, id: eventId });
      if (event === null) return { status: 'not_found' };
      if (event.status !== 'received') return { status: 'already_processed' };
      await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`runtime:contact-events:${contactId}`]);
      const now = this.clock.now();
      const outcome: ExternalEventOutcome = { contactId, resumed: [], started: [], skipped: [] };
      const touched = new Set<string>();
      await this.resume(tx, { event, contactId, now, outcome, touched });
      if (isCommerceEvent(event.name)) await this.startFlows(tx, { event, name: event.name, contactId, now, outcome, touched });
      const routed = outcome.resumed.length > 0 || outcome.started.length > 0;
      await this.events.markDone(tx, { workspaceId, id: event.id, status: routed ? 'processed' : 'ignored', outcome: { ...outcome }, at: now });
      return { status: 'done', outcome, conversationIds: [...touched] };
    });
  }

  private async resume(tx: EntityManager, { event, contactId, now, outcome, touched }: { event: ExternalEventRecord; contactId: string; now: Date; outcome: ExternalEventOutcome; touched: Set<string> }): Promise<void> {
    const { workspaceId } = event;
    const rows = await tx.query<{ conversation_id: string }[]>(
      `SELECT DISTINCT s.conversation_id FROM flow_sessions s JOIN conversations c ON c.id = s.conversation_id
        WHERE s.workspace_id = $1 AND c.workspace_id = $1 AND c.contact_id = $2 AND s.status <> 'ended' ORDER BY s.conversation_id`,
      [workspaceId, contactId],
    );
    for (const { conversation_id: conversationId } of rows) {
      await lockConversation(tx, conversationId);
      // Re-read under the lock: an inbound message or a timer may have just moved it on.
      const conversation = await this.conversations.findById(tx, { workspaceId, id: conversationId });
      const session = await this.sessions.findRunning(tx, { workspaceId, conversationId });
      if (conversation === null || session === null) continue;
      const result = await this.stepper.step(tx, { session, conversation, event: { type: 'external', name: event.name, data: event.data as Record<string, Json> }, now });
      if (result.outcome !== 'advanced') continue;
      outcome.resumed.push(session.id);
      touched.add(conversationId);
    }
  }

  private async startFlows(
    tx: EntityManager,
    { event, name, contactId, now, outcome, touched }: { event: ExternalEventRecord; name: CommerceEvent; contactId: string; now: Date; outcome: ExternalEventOutcome; touched: Set<string> },
  ): Promise<void> {
    const { workspaceId } = event;
    const contact = await this.contactOf(tx, workspaceId, contactId);
    const data = commerceStartData(name, event.data, { ...(contact.name !== null ? { name: contact.name } : {}), ...(contact.email !== null ? { email: contact.email } : {}), ...(contact.phone !== null ? { phone: contact.phone } : {}) });
    const matched = await this.starter.match(tx, { workspaceId, event: name, data });
    for (const flow of matched) {
      const skip = (reason: string) => outcome.skipped.push({ flowId: flow.flowId, reason });
      if (await this.isRunningFor(tx, { workspaceId, contactId, flowId: flow.flowId })) {
        skip('a session of this flow is already running for the contact');
        continue;
      }
      const conversation = await this.conversationFor(tx, { workspaceId, contactId, phone: contact.phone, now });
      if (conversation === null) {
        skip('the contact has no conversation and no phone to reach them on');
        continue;
      }
      if (conversation.status === 'handoff') {
        skip('a person owns the contact\'s conversation');
        continue;
      }
      const running = await this.sessions.findRunning(tx, { workspaceId, conversationId: conversation.id });
      if (running !== null) {
        skip(`the conversation is busy with another flow's session (${running.flowId})`);
        continue;
      }
      outcome.started.push({ flowId: flow.flowId, sessionId: await this.start(tx, { conversation, flow, name, data, now }) });
      touched.add(conversation.id);
    }
  }

  private start(tx: EntityManager, args: { conversation: ConversationRecord; flow: MatchedFlow; name: CommerceEvent; data: Record<string, Json>; now: Date }): Promise<string> {
    return this.starter.start(tx, { conversation: args.conversation, flow: args.flow, event: args.name, data: args.data, now: args.now });
  }

  private async contactOf(tx: EntityManager, workspaceId: string, contactId: string): Promise<{ name: string | null; email: string | null; phone: string | null }> {
    const rows = await tx.query<{ name: string | null; email: string | null; phone: string | null }[]>(`SELECT name, email, phone FROM contacts WHERE id = $1 AND workspace_id = $2`, [
      contactId,
      workspaceId,
    ]);
    return rows[0] ?? { name: null, email: null, phone: null };
  }

  private async isRunningFor(tx: EntityManager, { workspaceId, contactId, flowId }: { workspaceId: string; contactId: string; flowId: string }): Promise<boolean> {
    const rows = await tx.query<unknown[]>(
      `SELECT 1 FROM flow_sessions s JOIN conversations c ON c.id = s.conversation_id
        WHERE s.workspace_id = $1 AND c.contact_id = $2 AND s.flow_id = $3 AND s.status <> 'ended' LIMIT 1`,
      [workspaceId, contactId, flowId],
    );
    return rows.length > 0;
  }

  /**
   * Where a business-initiated flow talks to the contact, locked: the live conversation on the
   * channel of their most recent conversation (a new one there if it was resolved), else a new
   * WhatsApp conversation when they have a phone; null when there is no way to reach them.
   */
  private async conversationFor(
    tx: EntityManager,
    { workspaceId, contactId, phone, now }: { workspaceId: string; contactId: string; phone: string | null; now: Date },
  ): Promise<ConversationRecord | null> {
    const latest = await tx.query<{ channel: string }[]>(`SELECT channel FROM conversations WHERE workspace_id = $1 AND contact_id = $2 ORDER BY updated_at DESC, created_at DESC LIMIT 1`, [
      workspaceId,
      contactId,
    ]);
    const channel = latest[0]?.channel ?? (phone !== null ? PHONE_CHANNEL : null);
    if (channel === null) return null;
    const live = await this.conversations.lockLive(tx, { workspaceId, contactId, channel });
    if (live !== null) return live;
    const created = await this.conversations.insert(tx, { workspaceId, contactId, channel, at: now });
    await lockConversation(tx, created.id);
    return created;
  }
}
