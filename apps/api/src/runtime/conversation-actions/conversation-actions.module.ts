import { Module } from '@nestjs/common';
import { ExternalEventsModule } from '../external-events/external-events.module.js';
import { RuntimeModule } from '../runtime.module.js';
import { ConversationActionUseCase } from './conversation-action.use-case.js';
import { ConversationActionsController } from './conversation-actions.controller.js';

/** Agents' hand-back and resolve, which resume the session waiting in a handoff node. */
@Module({
  imports: [RuntimeModule, ExternalEventsModule],
  controllers: [ConversationActionsController],
  providers: [ConversationActionUseCase],
})
export class ConversationActionsModule {}
