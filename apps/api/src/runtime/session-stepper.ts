import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { matchTrigger, parseSessionState, start, step, triggerSpecificity, type EngineEvent, type FlowDocument, type InboundMessage, type StepResult } from '@jornada/flow-engine';
import type { EntityManager } from 'typeorm';
import { readStoredDocument } from '../flows/flow-document.js';
import type { ConversationRecord } from './conversation.repository.js';
import { FlowSessionRepository, type FlowSessionRecord } from './flow-session.repository.js';
import { asChannelType, SessionContextReader } from './session-context.reader.js';
import { StepWriter } from './step-writer.js';

/** A stored session or document the engine cannot read: a system fault, never retried into success. */
export class RuntimeFault extends Error {}

/**
 * The engine, between the database and itself: loads a session's state and its pinned
 * document, calls `start`/`step`, and saves the state (with the version check) and what the
 * step produced, all in the caller's transaction, which holds the conversation lock.
 */
@Injectable()
export class SessionStepper {
  constructor(
    private readonly sessions: FlowSessionRepository,
    private readonly context: SessionContextReader,
    private readonly writer: StepWriter,
  ) {}

  /** Feeds `event` to a running session; 'ignored' when the engine says it does not concern it. */
  async step(tx: EntityManager, { session, conversation, event, now }: { session: FlowSessionRecord; conversation: ConversationRecord; event: EngineEvent; now: Date }): Promise<StepResult> {
    const flow = await this.pinnedFlow(tx, session);
    const parsed = parseSessionState(session.state);
    if (!parsed.ok) throw new RuntimeFault(`session ${session.id}: stored state is not readable (${parsed.error})`);
    const result = step({ flow, state: parsed.state, event, now });
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

  /**
   * Starts the flow whose inbound trigger fits the message best (keyword/regex, then first
   * contact, then any; ties: the oldest flow), on its current published version. Null when none fits.
   */
  async startForMessage(
    tx: EntityManager,
    { conversation, message, firstContact, now }: { conversation: ConversationRecord; message: InboundMessage; firstContact: boolean; now: Date },
  ): Promise<{ sessionId: string; flowId: string; flowVersion: number; result: StepResult } | null> {
    const channel = asChannelType(conversation.channel);
    let best: { flowId: string; version: number; flow: FlowDocument; triggerId: string; rank: number } | undefined;
    for (const published of await this.sessions.listPublished(tx, conversation.workspaceId)) {
      const flow = readStoredDocument(published.document);
      const trigger = flow === null ? undefined : matchTrigger(flow, { type: 'inbound_message', message, channel, firstContact });
      if (flow === null || trigger === undefined) continue;
      const rank = triggerSpecificity(trigger);
      if (best === undefined || rank > best.rank) best = { flowId: published.flowId, version: published.version, flow, triggerId: trigger.id, rank };
    }
    if (best === undefined) return null;
    const sessionId = randomUUID();
    const workspace = await this.context.workspace(tx, conversation.workspaceId);
    const contact = await this.context.contact(tx, { workspaceId: conversation.workspaceId, contactId: conversation.contactId });
    const result = start({
      flow: best.flow,
      trigger: { type: 'inbound_message', triggerId: best.triggerId, message },
      context: { sessionId, flowId: best.flowId, flowVersion: best.version, channel, contact, workspace },
      now,
    });
    await this.sessions.insert(tx, { id: sessionId, workspaceId: conversation.workspaceId, conversationId: conversation.id, flowId: best.flowId, flowVersion: best.version, state: result.state, at: now });
    const scope = { workspaceId: conversation.workspaceId, sessionId, flowId: best.flowId, contactId: conversation.contactId, conversationId: conversation.id, channel: conversation.channel };
    await this.writer.write(tx, { scope, event: { type: 'start', trigger: best.triggerId }, result, at: now, stepKey: `${sessionId}#1` });
    return { sessionId, flowId: best.flowId, flowVersion: best.version, result };
  }

  private async pinnedFlow(tx: EntityManager, session: FlowSessionRecord): Promise<FlowDocument> {
    const stored = await this.sessions.findPinnedDocument(tx, { workspaceId: session.workspaceId, flowId: session.flowId, version: session.flowVersion });
    const flow = stored === null ? null : readStoredDocument(stored);
    if (flow === null) throw new RuntimeFault(`session ${session.id}: version ${String(session.flowVersion)} of flow ${session.flowId} is missing or unreadable`);
    return flow;
  }
}

function scopeOf(session: FlowSessionRecord, conversation: ConversationRecord) {
  return { workspaceId: session.workspaceId, sessionId: session.id, flowId: session.flowId, contactId: conversation.contactId, conversationId: conversation.id, channel: conversation.channel };
}
