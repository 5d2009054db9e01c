import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ConversationStatus } from '../../database/entities/index.js';
import { ApiError } from '../../http/api-error.js';
import { notFound } from '../../workspaces/shared/not-found.js';
import { RealtimeBus } from '../../realtime/realtime-bus.js';
import { Clock } from '../clock.js';
import { ConversationRepository } from '../conversation.repository.js';
import { FlowSessionRepository } from '../flow-session.repository.js';
import { lockConversation, type Queryable } from '../runtime-sql.js';
import { SessionStepper } from '../session-stepper.js';

export type ConversationAction = 'hand_back' | 'resolve';

export interface ConversationActionResult {
  readonly conversationId: string;
  readonly status: ConversationStatus;
  /** The session the action was fed to, and whether it moved on (a handoff node's returned/resolved path). */
  readonly session: { readonly id: string; readonly resumed: boolean } | null;
}

const ENGINE_ACTION = { hand_back: 'handed_back', resolve: 'resolved' } as const;

/**
 * An agent hands a conversation back to the bot, or resolves it: under the conversation lock
 * and in one transaction, the status changes and the running session (waiting in a handoff
 * node) is stepped with `{ type: 'conversation', action }`; what it produces (a CSAT question,
 * another handoff) is saved like any step. A resolved conversation whose session goes on (the
 * CSAT survey waits for the answer) stays `open` until that session ends, so the customer's
 * reply still reaches it; a new handoff by that step wins.
 */
@Injectable()
export class ConversationActionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly conversations: ConversationRepository,
    private readonly sessions: FlowSessionRepository,
    private readonly stepper: SessionStepper,
    private readonly clock: Clock,
    private readonly bus: RealtimeBus,
  ) {}

  async execute({ workspaceId, conversationId, action }: { workspaceId: string; conversationId: string; action: ConversationAction }): Promise<ConversationActionResult> {
    return this.dataSource.transaction(async (tx) => {
      if ((await this.conversations.findById(tx, { workspaceId, id: conversationId })) === null) throw notFound('conversation');
      await lockConversation(tx, conversationId);
      const conversation = await this.conversations.findById(tx, { workspaceId, id: conversationId });
      if (conversation === null) throw notFound('conversation');
      if (action === 'hand_back' && conversation.status !== 'handoff') {
        throw new ApiError({ status: 409, code: 'conversation_not_in_handoff', message: `The conversation is ${conversation.status}, not with a person: there is nothing to hand back.` });
      }
      if (action === 'resolve' && conversation.status === 'resolved') {
        throw new ApiError({ status: 409, code: 'conversation_resolved', message: 'The conversation is already resolved.' });
      }
      const now = this.clock.now();
      await setStatus(tx, { workspaceId, id: conversationId, status: action === 'resolve' ? 'resolved' : 'open', at: now });
      const session = await this.sessions.findRunning(tx, { workspaceId, conversationId });
      let resumed = false;
      if (session !== null) {
        const result = await this.stepper.step(tx, { session, conversation, event: { type: 'conversation', action: ENGINE_ACTION[action] }, now });
        resumed = result.outcome === 'advanced';
        if (action === 'resolve' && result.state.status !== 'ended') {
          await tx.query(`UPDATE conversations SET status = 'open' WHERE id = $1 AND workspace_id = $2 AND status = 'resolved'`, [conversationId, workspaceId]);
        }
      }
      const after = await this.conversations.findById(tx, { workspaceId, id: conversationId });
      await this.bus.notify(tx, { type: 'conversation', workspaceId, conversationId });
      return { conversationId, status: after?.status ?? 'resolved', session: session === null ? null : { id: session.id, resumed } };
    });
  }
}

async function setStatus(db: Queryable, { workspaceId, id, status, at }: { workspaceId: string; id: string; status: ConversationStatus; at: Date }): Promise<void> {
  await db.query(`UPDATE conversations SET status = $3, updated_at = $4 WHERE id = $1 AND workspace_id = $2`, [id, workspaceId, status, at]);
}
