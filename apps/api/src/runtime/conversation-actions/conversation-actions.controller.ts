import { Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Permission, Principal } from '../../auth/auth.decorators.js';
import type { RequestPrincipal } from '../../auth/request-principal.js';
import { CONVERSATION_STATUSES, type ConversationStatus } from '../../database/entities/index.js';
import { UuidParamPipe } from '../../workspaces/shared/uuid.js';
import { AfterStepEnqueuer } from '../external-events/after-step-enqueuer.js';
import { ConversationActionUseCase, type ConversationAction } from './conversation-action.use-case.js';

class ActionSessionDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ description: 'Whether the session moved on (the handoff node took its returned/resolved path).' })
  resumed!: boolean;
}

export class ConversationActionDto {
  @ApiProperty({ format: 'uuid' })
  conversationId!: string;

  @ApiProperty({ enum: CONVERSATION_STATUSES })
  status!: ConversationStatus;

  @ApiPropertyOptional({ type: ActionSessionDto, nullable: true })
  session!: ActionSessionDto | null;
}

/** An agent's actions on a conversation a person owns. */
@ApiTags('conversations')
@Controller('conversations')
export class ConversationActionsController {
  constructor(
    private readonly act: ConversationActionUseCase,
    @Inject(AfterStepEnqueuer) private readonly afterStep: AfterStepEnqueuer,
  ) {}

  @Post(':id/hand-back')
  @HttpCode(200)
  @Permission('conversations.reply')
  @ApiOperation({ summary: 'Hand the conversation back to the bot: the flow continues on its handoff node\'s "returned" path. 409 unless it is with a person.' })
  @ApiOkResponse({ type: ConversationActionDto })
  handBack(@Principal() principal: RequestPrincipal, @Param('id', UuidParamPipe) id: string): Promise<ConversationActionDto> {
    return this.run(principal, id, 'hand_back');
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @Permission('conversations.reply')
  @ApiOperation({ summary: 'Resolve the conversation: the flow continues on its handoff node\'s "resolved" path (e.g. a CSAT survey; the conversation stays open until it ends).' })
  @ApiOkResponse({ type: ConversationActionDto })
  resolve(@Principal() principal: RequestPrincipal, @Param('id', UuidParamPipe) id: string): Promise<ConversationActionDto> {
    return this.run(principal, id, 'resolve');
  }

  private async run(principal: RequestPrincipal, conversationId: string, action: ConversationAction): Promise<ConversationActionDto> {
    const result = await this.act.execute({ workspaceId: principal.workspaceId, conversationId, action });
    if (result.session?.resumed === true) await this.afterStep.enqueue({ workspaceId: principal.workspaceId, conversationIds: [conversationId] });
    return result;
  }
}
