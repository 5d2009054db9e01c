import { Injectable } from '@nestjs/common';
import { COMMERCE_EVENTS, matchTrigger, type CommerceEvent, type Json } from '@jornada/flow-engine';
import type { EntityManager } from 'typeorm';
import type { ConversationRecord } from '../conversation.repository.js';
import { PublishedFlows, type PublishedFlow } from '../published-flows.js';
import { SessionStepper } from '../session-stepper.js';

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

export interface MatchedFlow extends PublishedFlow {
  readonly triggerId: string;
}

/** Published flows (current version) whose commerce trigger an event fires, and starting them. */
@Injectable()
export class CommerceFlowStarter {
  constructor(
    private readonly published: PublishedFlows,
    private readonly stepper: SessionStepper,
  ) {}

  /** The matching flows, oldest flow first. */
  async match(tx: EntityManager, { workspaceId, event, data }: { workspaceId: string; event: CommerceEvent; data: Record<string, Json> }): Promise<MatchedFlow[]> {
    const matched: MatchedFlow[] = [];
    for (const published of await this.published.listCurrent(tx, workspaceId)) {
      const trigger = matchTrigger(published.flow, { type: 'commerce_event', event, data });
      if (trigger !== undefined) matched.push({ ...published, triggerId: trigger.id });
    }
    return matched;
  }

  /** Starts `flow` (pinned to its version) in the conversation, which the caller holds locked; saves state and effects. */
  async start(
    tx: EntityManager,
    { conversation, flow, event, data, now }: { conversation: ConversationRecord; flow: MatchedFlow; event: CommerceEvent; data: Record<string, Json>; now: Date },
  ): Promise<string> {
    const started = await this.stepper.startSession(tx, { conversation, flow, trigger: { type: 'commerce_event', triggerId: flow.triggerId, event, data }, now });
    return started.sessionId;
  }
}
