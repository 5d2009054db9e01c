import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { COMMERCE_EVENTS, matchTrigger, start, type CommerceEvent, type FlowDocument, type Json } from '@jornada/flow-engine';
import type { EntityManager } from 'typeorm';
import { readStoredDocument } from '../../flows/flow-document.js';
import type { ConversationRecord } from '../conversation.repository.js';
import { FlowSessionRepository } from '../flow-session.repository.js';
import { asChannelType, SessionContextReader } from '../session-context.reader.js';
import { StepWriter } from '../step-writer.js';

export function isCommerceEvent(name: string): name is CommerceEvent {
  return (COMMERCE_EVENTS as readonly string[]).includes(name);
}

/**
 * The data a commerce trigger starts a flow with: the posted object under its root (`cart`
 * for cart.abandoned, `order` for order.*) and the customer, as the engine's templates read
 * it (`cart.token`, `order.total`, `customer.email`).
 */
export function commerceStartData(name: CommerceEvent, data: Record<string, unknown>, customer: Record<string, unknown>): Record<string, Json> {
  const root = name === 'cart.abandoned' ? 'cart' : 'order';
  return { [root]: data as Record<string, Json>, customer: customer as Record<string, Json> };
}

export interface MatchedFlow {
  readonly flowId: string;
  readonly version: number;
  readonly flow: FlowDocument;
  readonly triggerId: string;
}

/** Published flows (current version) whose commerce trigger this event fires, oldest flow first. */
@Injectable()
export class CommerceFlowStarter {
  constructor(
    private readonly sessions: FlowSessionRepository,
    private readonly context: SessionContextReader,
    private readonly writer: StepWriter,
  ) {}

  async match(tx: EntityManager, { workspaceId, event, data }: { workspaceId: string; event: CommerceEvent; data: Record<string, Json> }): Promise<MatchedFlow[]> {
    const matched: MatchedFlow[] = [];
    for (const published of await this.sessions.listPublished(tx, workspaceId)) {
      const flow = readStoredDocument(published.document);
      const trigger = flow === null ? undefined : matchTrigger(flow, { type: 'commerce_event', event, data });
      if (flow !== null && trigger !== undefined) matched.push({ flowId: published.flowId, version: published.version, flow, triggerId: trigger.id });
    }
    return matched;
  }

  /** Starts `flow` (pinned to its version) in the conversation, which the caller holds locked; saves state and effects. */
  async start(
    tx: EntityManager,
    { conversation, flow, event, data, now }: { conversation: ConversationRecord; flow: MatchedFlow; event: CommerceEvent; data: Record<string, Json>; now: Date },
  ): Promise<string> {
    const sessionId = randomUUID();
    const { workspaceId, contactId } = conversation;
    const workspace = await this.context.workspace(tx, workspaceId);
    const contact = await this.context.contact(tx, { workspaceId, contactId });
    const result = start({
      flow: flow.flow,
      trigger: { type: 'commerce_event', triggerId: flow.triggerId, event, data },
      context: { sessionId, flowId: flow.flowId, flowVersion: flow.version, channel: asChannelType(conversation.channel), contact, workspace },
      now,
    });
    await this.sessions.insert(tx, { id: sessionId, workspaceId, conversationId: conversation.id, flowId: flow.flowId, flowVersion: flow.version, state: result.state, at: now });
    const scope = { workspaceId, sessionId, flowId: flow.flowId, contactId, conversationId: conversation.id, channel: conversation.channel };
    await this.writer.write(tx, { scope, event: { type: 'start', trigger: flow.triggerId }, result, at: now, stepKey: `${sessionId}#1` });
    return sessionId;
  }
}
