import { Injectable } from '@nestjs/common';
import type { Json } from '@jornada/flow-engine';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from './clock.js';
import { ConversationRepository } from './conversation.repository.js';
import { FlowSessionRepository } from './flow-session.repository.js';
import { PublishedFlows } from './published-flows.js';
import { lockConversation } from './runtime-sql.js';
import { SessionStepper } from './session-stepper.js';

export interface StartFlowCommand {
  readonly workspaceId: string;
  readonly conversationId: string;
  readonly flowId: string;
  /** Top-level variables of the new session (a jump hands over the previous flow's variables). */
  readonly data: Record<string, Json>;
}

export type StartFlowResult =
  | { readonly status: 'started'; readonly sessionId: string; readonly flowVersion: number }
  /** Why it cannot start; final (the flow is not runnable, or the conversation is taken). */
  | { readonly status: 'refused'; readonly reason: string };

/**
 * Starts a flow's current published version in a conversation through its `manual` trigger —
 * the "jump to flow" node's effect, and manual starts. In the caller's transaction when given
 * one (so the outbox row that asked for it is marked done in the same commit), under the
 * conversation lock: a conversation never runs two sessions, and a person who took it over
 * keeps it.
 */
@Injectable()
export class StartFlowUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly conversations: ConversationRepository,
    private readonly sessions: FlowSessionRepository,
    private readonly published: PublishedFlows,
    private readonly stepper: SessionStepper,
    private readonly clock: Clock,
  ) {}

  async execute(command: StartFlowCommand, tx?: EntityManager): Promise<StartFlowResult> {
    if (tx !== undefined) return this.run(tx, command);
    return this.dataSource.transaction((own) => this.run(own, command));
  }

  private async run(tx: EntityManager, { workspaceId, conversationId, flowId, data }: StartFlowCommand): Promise<StartFlowResult> {
    await lockConversation(tx, conversationId);
    const conversation = await this.conversations.findById(tx, { workspaceId, id: conversationId });
    if (conversation === null) return { status: 'refused', reason: `conversation ${conversationId} no longer exists` };
    if (conversation.status === 'handoff') return { status: 'refused', reason: 'a person owns the conversation' };
    if (conversation.status === 'resolved') return { status: 'refused', reason: 'the conversation was resolved' };
    const running = await this.sessions.findRunning(tx, { workspaceId, conversationId });
    if (running !== null) return { status: 'refused', reason: `the conversation is busy with a session of flow ${running.flowId}` };
    const target = await this.published.findCurrent(tx, { workspaceId, flowId });
    if (target === null) return { status: 'refused', reason: `flow ${flowId} is not published (or was deleted)` };
    const trigger = target.flow.triggers.find((t) => t.type === 'manual');
    if (trigger === undefined) return { status: 'refused', reason: `flow "${target.flow.name}" has no manual start trigger to be started by another flow` };
    const started = await this.stepper.startSession(tx, { conversation, flow: target, trigger: { type: 'manual', triggerId: trigger.id, data }, now: this.clock.now() });
    return { status: 'started', sessionId: started.sessionId, flowVersion: started.flowVersion };
  }
}
