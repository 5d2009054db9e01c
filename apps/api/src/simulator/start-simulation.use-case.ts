import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { sampleCustomer, sampleEventData, type ChannelType, type FlowDocument, type Json, type StartTrigger, type Trigger } from '@jornada/flow-engine';
import { DataSource } from 'typeorm';
import { SandboxConversationsService, SANDBOX_CHANNEL } from '../channels/sandbox/sandbox-conversations.service.js';
import { readStoredDocument, templateLocaleFor } from '../flows/flow-document.js';
import { isUuid } from '../flows/keyset-cursor.js';
import { ApiError } from '../http/api-error.js';
import { RealtimeBus } from '../realtime/realtime-bus.js';
import { Clock } from '../runtime/clock.js';
import { ConversationRepository } from '../runtime/conversation.repository.js';
import { commerceStartData } from '../runtime/external-events/commerce-flow-starter.js';
import { RuntimeDispatcher } from '../runtime/processing/runtime-dispatcher.js';
import { SessionStepper } from '../runtime/session-stepper.js';

export interface StartSimulationCommand {
  readonly workspaceId: string;
  readonly flowId: string;
  readonly channel?: ChannelType | undefined;
  readonly triggerId?: string | undefined;
  readonly message?: string | undefined;
  readonly data?: Record<string, unknown> | undefined;
  readonly contactName?: string | undefined;
}

export interface SimulationStarted {
  readonly id: string;
  readonly flowId: string;
  readonly sessionId: string;
  readonly channel: ChannelType;
  readonly triggerId: string;
}

/** The draft a simulation runs is not a published version: sessions record it as version 0. */
export const DRAFT_VERSION = 0;

/**
 * Starts a simulation of a flow's draft — the builder's simulator: a simulated contact and a
 * sandbox conversation marked with the flow, and a session that runs a snapshot of the draft
 * (stored with the session, so later edits do not change a running simulation) through the
 * real runtime: the same queues, timers, effects and run log as production. Messages are
 * rendered as `channel` would show them. One transaction; its effects are dispatched after.
 */
@Injectable()
export class StartSimulationUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sandbox: SandboxConversationsService,
    private readonly conversations: ConversationRepository,
    private readonly stepper: SessionStepper,
    private readonly dispatcher: RuntimeDispatcher,
    private readonly clock: Clock,
    private readonly bus: RealtimeBus,
  ) {}

  async execute(command: StartSimulationCommand): Promise<SimulationStarted> {
    const { workspaceId, flowId } = command;
    const { flow, locale } = await this.loadDraft(workspaceId, flowId);
    const trigger = pickTrigger(flow, command.triggerId);
    const channel = command.channel ?? 'whatsapp';
    const now = this.clock.now();
    const started = await this.dataSource.transaction(async (tx) => {
      const created = await this.sandbox.createIn(tx, workspaceId, { contactName: command.contactName ?? sampleCustomer(locale)['name']?.toString(), simulatedFlowId: flowId });
      const conversation = await this.conversations.findById(tx, { workspaceId, id: created.id });
      if (conversation === null) throw new Error('the simulation conversation vanished in its own transaction');
      const start = startTriggerOf(trigger, { message: command.message, data: command.data, locale });
      if (start.type === 'inbound_message') {
        const messageId = await this.conversations.insertMessage(tx, {
          workspaceId,
          conversationId: conversation.id,
          channel: SANDBOX_CHANNEL,
          direction: 'in',
          kind: 'text',
          content: start.message,
          providerMessageId: `simulation-${randomUUID()}`,
          status: 'delivered',
          at: now,
        });
        await this.conversations.touchInbound(tx, { workspaceId, id: conversation.id, at: now });
        if (messageId !== null) await this.bus.notify(tx, { type: 'message', workspaceId, conversationId: conversation.id, messageId });
      }
      const session = await this.stepper.startSession(tx, { conversation, flow: { flowId, version: DRAFT_VERSION, flow, snapshot: true }, trigger: start, channel, now });
      return { id: conversation.id, flowId, sessionId: session.sessionId, channel, triggerId: trigger.id };
    });
    await this.dispatcher.dispatchConversations([started.id]);
    return started;
  }

  private async loadDraft(workspaceId: string, flowId: string): Promise<{ flow: FlowDocument; locale: 'en' | 'pt-BR' }> {
    const notFound = new ApiError({ status: 404, code: 'not_found', message: 'Flow not found.' });
    if (!isUuid(flowId)) throw notFound;
    const rows = await this.dataSource.query<{ draft: unknown; locale: string }[]>(
      `SELECT f.draft, w.locale FROM flows f JOIN workspaces w ON w.id = f.workspace_id WHERE f.id = $1 AND f.workspace_id = $2 AND f.deleted_at IS NULL`,
      [flowId, workspaceId],
    );
    const row = rows[0];
    if (row === undefined) throw notFound;
    const flow = readStoredDocument(row.draft);
    if (flow === null) throw new ApiError({ status: 422, code: 'invalid_flow_document', message: 'The draft cannot be read by this version of Jornada; open it in the editor and save it again.' });
    return { flow, locale: templateLocaleFor(row.locale) };
  }
}

function pickTrigger(flow: FlowDocument, triggerId: string | undefined): Trigger {
  if (triggerId === undefined) {
    const first = flow.triggers[0];
    if (first === undefined) throw new ApiError({ status: 422, code: 'flow_has_no_trigger', message: 'Add a trigger to the flow before simulating it.' });
    return first;
  }
  const trigger = flow.triggers.find((t) => t.id === triggerId);
  if (trigger === undefined) {
    throw new ApiError({
      status: 400,
      code: 'validation_failed',
      message: `The flow has no trigger "${triggerId}".`,
      details: [{ field: 'triggerId', message: `one of: ${flow.triggers.map((t) => t.id).join(', ') || '(none)'}` }],
    });
  }
  return trigger;
}

/** What the session starts with: the customer's first message, the (sample) event, or manual data. */
function startTriggerOf(trigger: Trigger, { message, data, locale }: { message: string | undefined; data: Record<string, unknown> | undefined; locale: 'en' | 'pt-BR' }): StartTrigger {
  switch (trigger.type) {
    case 'inbound_message': {
      const match = trigger.match;
      const text = message ?? (match.kind === 'keyword' ? (match.keywords[0] ?? 'hi') : locale === 'pt-BR' ? 'oi' : 'hi');
      return { type: 'inbound_message', triggerId: trigger.id, message: { kind: 'text', text } };
    }
    case 'commerce_event': {
      const eventData = (data ?? sampleEventData(trigger.event, locale)) as Record<string, Json>;
      return { type: 'commerce_event', triggerId: trigger.id, event: trigger.event, data: commerceStartData(trigger.event, eventData, sampleCustomer(locale)) };
    }
    case 'manual':
      return { type: 'manual', triggerId: trigger.id, data: (data ?? {}) as Record<string, Json> };
  }
}
