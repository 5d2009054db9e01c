import { Body, Controller, Get, HttpCode, Param, Post, Sse, type MessageEvent } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Permission, Principal } from '../../auth/auth.decorators.js';
import type { RequestPrincipal } from '../../auth/request-principal.js';
import { ConversationFeed } from '../../realtime/conversation-feed.js';
import { feedStream } from '../../realtime/feed-stream.js';
import { SandboxConversationsService } from './sandbox-conversations.service.js';
import { CreateSandboxConversationDto, SandboxAcceptedView, SandboxConversationView, SandboxMessageView, SendSandboxMessageDto } from './sandbox.dto.js';

/**
 * The sandbox channel: simulated conversations for the builder's simulator and the tests.
 *
 * Realtime is Server-Sent Events, not a WebSocket (the issue says WebSocket): the stream is
 * one-way (server -> client; the client posts messages over REST), SSE goes through the same
 * HTTP pipeline and AuthGuard as every route (cookie or bearer, workspace header), reconnects
 * by itself in browsers, and tests read it with plain fetch. A WebSocket gateway can come with
 * the agents' inbox, where traffic is two-way.
 */
@ApiTags('sandbox')
@Controller('sandbox/conversations')
export class SandboxController {
  constructor(
    private readonly conversations: SandboxConversationsService,
    private readonly feed: ConversationFeed,
  ) {}

  @Post()
  @Permission('conversations.reply')
  @ApiOkResponse({ type: SandboxConversationView })
  create(@Principal() principal: RequestPrincipal, @Body() body: CreateSandboxConversationDto): Promise<SandboxConversationView> {
    return this.conversations.create(principal.workspaceId, { contactName: body.contactName });
  }

  @Post(':id/messages')
  @HttpCode(202)
  @Permission('conversations.reply')
  @ApiOkResponse({ type: SandboxAcceptedView })
  send(@Principal() principal: RequestPrincipal, @Param('id') id: string, @Body() body: SendSandboxMessageDto): Promise<SandboxAcceptedView> {
    return this.conversations.send(principal.workspaceId, id, body);
  }

  @Get(':id/messages')
  @Permission('conversations.read')
  @ApiOkResponse({ type: SandboxMessageView, isArray: true })
  messages(@Principal() principal: RequestPrincipal, @Param('id') id: string): Promise<SandboxMessageView[]> {
    return this.conversations.messages(principal.workspaceId, id);
  }

  /**
   * Server-sent events from now on: `message` (a SandboxMessageView: a message stored or sent,
   * either direction; the same id again when its status changes) and `session` (a session stepped).
   */
  @Sse(':id/stream')
  @Permission('conversations.read')
  @ApiProduces('text/event-stream')
  async stream(@Principal() principal: RequestPrincipal, @Param('id') id: string): Promise<Observable<MessageEvent>> {
    const conversation = await this.conversations.find(principal.workspaceId, id);
    await this.feed.ready(); // listening before the stream opens: no event of this conversation is missed
    return feedStream(this.feed, { workspaceId: principal.workspaceId, conversationId: conversation.id });
  }
}
