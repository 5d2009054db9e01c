import { Injectable } from '@nestjs/common';
import { sampleEventData, type Json } from '@jornada/flow-engine';
import { DataSource } from 'typeorm';
import { templateLocaleFor } from '../flows/flow-document.js';
import { Clock } from '../runtime/clock.js';
import { ConversationRepository } from '../runtime/conversation.repository.js';
import { isCommerceEvent } from '../runtime/external-events/commerce-flow-starter.js';
import { FlowSessionRepository } from '../runtime/flow-session.repository.js';
import { RuntimeDispatcher } from '../runtime/processing/runtime-dispatcher.js';
import { lockConversation } from '../runtime/runtime-sql.js';
import { SessionStepper } from '../runtime/session-stepper.js';
import { SimulationConversations } from './simulation-conversations.js';

/**
 * Sends an external event (an order placed, a parcel shipped) to the simulation's running
 * session only — never through /api/events, which would route it to real contacts' sessions
 * and start published flows. Commerce events without data get the sample order that matches
 * the sample cart, so "the customer bought" takes the converted branch.
 */
@Injectable()
export class SendSimulationEventUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly simulations: SimulationConversations,
    private readonly conversations: ConversationRepository,
    private readonly sessions: FlowSessionRepository,
    private readonly stepper: SessionStepper,
    private readonly dispatcher: RuntimeDispatcher,
    private readonly clock: Clock,
  ) {}

  async execute({ workspaceId, id, name, data }: { workspaceId: string; id: string; name: string; data?: Record<string, unknown> | undefined }): Promise<{ outcome: 'advanced' | 'ignored' }> {
    const outcome = await this.dataSource.transaction(async (tx) => {
      const simulation = await this.simulations.find(tx, { workspaceId, id });
      await lockConversation(tx, simulation.id);
      const conversation = await this.conversations.findById(tx, { workspaceId, id: simulation.id });
      const session = await this.sessions.findRunning(tx, { workspaceId, conversationId: simulation.id });
      if (conversation === null || session === null) return 'ignored' as const;
      const eventData = data ?? (isCommerceEvent(name) ? sampleEventData(name, templateLocaleFor(await this.localeOf(workspaceId))) : {});
      const result = await this.stepper.step(tx, { session, conversation, event: { type: 'external', name, data: eventData as Record<string, Json> }, now: this.clock.now() });
      return result.outcome === 'advanced' ? ('advanced' as const) : ('ignored' as const);
    });
    if (outcome === 'advanced') await this.dispatcher.dispatchConversations([id]);
    return { outcome };
  }

  private async localeOf(workspaceId: string): Promise<string | undefined> {
    const rows = await this.dataSource.query<{ locale: string }[]>(`SELECT locale FROM workspaces WHERE id = $1`, [workspaceId]);
    return rows[0]?.locale;
  }
}
