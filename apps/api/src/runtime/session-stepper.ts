import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { matchTrigger, parseSessionState, start, step, triggerSpecificity, type ChannelType, type EngineEvent, type FlowDocument, type InboundMessage, type StartTrigger, type StepResult } from '@jornada/flow-engine';
import type { EntityManager } from 'typeorm';
import { readStoredDocument } from '../flows/flow-document.js';
import type { ConversationRecord } from './conversation.repository.js';
import { FlowSessionRepository, type FlowSessionRecord } from './flow-session.repository.js';
import { PublishedFlows, type PublishedFlow } from './published-flows.js';
import { asChannelType, SessionContextReader } from './session-context.reader.js';
import { StepWriter } from './step-writer.js';

/** A stored session or document the engine cannot read: a system fault, never retried into success. */
export class RuntimeFault extends Error {}

export interface StartSessionCommand {
  /** The conversation the session talks in, locked by the caller. */
  readonly conversation: ConversationRecord;
  /** What to run: a published version, or (simulations) a draft snapshot stored with the session. */
  readonly flow: PublishedFlow & { readonly snapshot?: boolean };
  readonly trigger: StartTrigger;
  /** How messages are rendered; the conversation's channel unless a simulation says otherwise. */
  readonly channel?: ChannelType;
  readonly now: Date;
}

export interface StartedSession {
  readonly sessionId: string;
  readonly flowId: string;
  readonly flowVersion: number;
  readonly result: StepResult;
}

/**
 * The engine, between the database and itself: loads a session's state and the document it
 * runs, calls `start`/`step`, and saves the state (with the version check) and what the step
 * produced, all in the caller's transaction, which holds the conversation lock.
 */
@Injectable()
export class SessionStepper {
  constructor(
    private readonly sessions: FlowSessionRepository,
    private readonly published: PublishedFlows,
    private readonly context: SessionContextReader,
    private readonly writer: StepWriter,
  ) {}

  /** Feeds `event` to a running session; 'ignored' when the engine says it does not concern it. */
  async step(tx: EntityManager, { session, conversation, event, now }: { session: FlowSessionRecord; conversation: ConversationRecord; event: EngineEvent; now: Date }): Promise<StepResult> {
    const result = await this.run(tx, { session, event, now });
    const scope = scopeOf(session, conversation);
    if (result.outcome === 'ignored') {
      // Nothing changed: no new session version, only the run log says the event came.
      await this.writer.write(tx, { scope, event, result, at: now, stepKey: `${session.id}#${String(session.version)}` });
      return result;
    }
    const version = await this.sessions.saveState(tx, { workspaceId: session.workspaceId, id: session.id, state: result.state, expectedVersion: session.version, at: now });
    await this.writer.write(tx, { scope, event, result, at: now, stepKey: `${session.id}#${String(version)}` });
    return result;
  }

  /** What feeding `event` to the session would produce, written nowhere (the caller saves it). */
  async run(tx: EntityManager, { session, event, now }: { session: FlowSessionRecord; event: EngineEvent; now: Date }): Promise<StepResult> {
    const flow = await this.documentOf(tx, session);
    const parsed = parseSessionState(session.state);
    if (!parsed.ok) throw new RuntimeFault(`session ${session.id}: stored state is not readable (${parsed.error})`);
    return step({ flow, state: parsed.state, event, now });
  }

  /** Starts a session of `flow` in the conversation (which must have none running) and saves what the start produced. */
  async startSession(tx: EntityManager, { conversation, flow, trigger, channel, now }: StartSessionCommand): Promise<StartedSession> {
    const sessionId = randomUUID();
    const { workspaceId, contactId } = conversation;
    const workspace = await this.context.workspace(tx, workspaceId);
    const contact = await this.context.contact(tx, { workspaceId, contactId });
    const result = start({
      flow: flow.flow,
      trigger,
      context: { sessionId, flowId: flow.flowId, flowVersion: flow.version, channel: channel ?? asChannelType(conversation.channel), contact, workspace },
      now,
    });
    await this.sessions.insert(tx, {
      id: sessionId,
      workspaceId,
      conversationId: conversation.id,
      flowId: flow.flowId,
      flowVersion: flow.version,
      state: result.state,
      at: now,
      ...(flow.snapshot === true ? { document: flow.flow } : {}),
    });
    const scope = { workspaceId, sessionId, flowId: flow.flowId, contactId, conversationId: conversation.id, channel: conversation.channel };
    await this.writer.write(tx, { scope, event: { type: 'start', trigger: trigger.triggerId ?? trigger.type }, result, at: now, stepKey: `${sessionId}#1` });
    return { sessionId, flowId: flow.flowId, flowVersion: flow.version, result };
  }

  /**
   * Starts the flow whose inbound trigger fits the message best (keyword/regex, then first
   * contact, then any; per-channel ones first; ties: the oldest flow), on its current published
   * version. Null when none fits.
   */
  async startForMessage(
    tx: EntityManager,
    { conversation, message, firstContact, now }: { conversation: ConversationRecord; message: InboundMessage; firstContact: boolean; now: Date },
  ): Promise<StartedSession | null> {
    const channel = asChannelType(conversation.channel);
    let best: { published: PublishedFlow; triggerId: string; rank: number } | undefined;
    for (const published of await this.published.listCurrent(tx, conversation.workspaceId)) {
      const trigger = matchTrigger(published.flow, { type: 'inbound_message', message, channel, firstContact });
      if (trigger === undefined) continue;
      const rank = triggerSpecificity(trigger);
      if (best === undefined || rank > best.rank) best = { published, triggerId: trigger.id, rank };
    }
    if (best === undefined) return null;
    return this.startSession(tx, { conversation, flow: best.published, trigger: { type: 'inbound_message', triggerId: best.triggerId, message }, now });
  }

  private async documentOf(tx: EntityManager, session: FlowSessionRecord): Promise<FlowDocument> {
    const flow =
      session.document !== null && session.document !== undefined
        ? readStoredDocument(session.document)
        : await this.published.findVersion(tx, { workspaceId: session.workspaceId, flowId: session.flowId, version: session.flowVersion });
    if (flow === null) throw new RuntimeFault(`session ${session.id}: version ${String(session.flowVersion)} of flow ${session.flowId} is missing or unreadable`);
    return flow;
  }
}

export function scopeOf(session: FlowSessionRecord, conversation: ConversationRecord) {
  return { workspaceId: session.workspaceId, sessionId: session.id, flowId: session.flowId, contactId: conversation.contactId, conversationId: conversation.id, channel: conversation.channel };
}
