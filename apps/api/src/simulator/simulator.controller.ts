import { Body, Controller, Get, HttpCode, Param, Post, Sse, type MessageEvent } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Permission, Principal } from '../auth/auth.decorators.js';
import type { RequestPrincipal } from '../auth/request-principal.js';
import { SandboxConversationsService } from '../channels/sandbox/sandbox-conversations.service.js';
import { ConversationFeed } from '../realtime/conversation-feed.js';
import { feedStream } from '../realtime/feed-stream.js';
import { SandboxAcceptedView, SandboxMessageView, SendSandboxMessageDto } from '../channels/sandbox/sandbox.dto.js';
import { SendSimulationEventUseCase } from './send-simulation-event.use-case.js';
import { SimulationConversations } from './simulation-conversations.js';
import { SimulationStateQuery } from './simulation-state.query.js';
import { SimulationEventDto, SimulationStartedView, SimulationStateView, SimulationStepView, SkippedWaitView, StartSimulationDto } from './simulator.dto.js';
import { SkipWaitUseCase } from './skip-wait.use-case.js';
import { StartSimulationUseCase } from './start-simulation.use-case.js';

/**
 * The builder's simulator: runs a flow's draft through the real runtime on the sandbox channel.
 * For editors (flows.write), unlike the sandbox routes, which are the agents' (conversations.*).
 */
@ApiTags('simulator')
@Controller()
export class SimulatorController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly startSimulation: StartSimulationUseCase,
    private readonly skipWait: SkipWaitUseCase,
    private readonly sendEvent: SendSimulationEventUseCase,
    private readonly state: SimulationStateQuery,
    private readonly simulations: SimulationConversations,
    private readonly sandbox: SandboxConversationsService,
    private readonly feed: ConversationFeed,
  ) {}

  @Post('flows/:id/simulate')
  @Permission('flows.write')
  @ApiCreatedResponse({ type: SimulationStartedView })
  start(@Principal() principal: RequestPrincipal, @Param('id') flowId: string, @Body() body: StartSimulationDto): Promise<SimulationStartedView> {
    return this.startSimulation.execute({ workspaceId: principal.workspaceId, flowId, ...body });
  }

  @Get('simulations/:id')
  @Permission('flows.read')
  @ApiOkResponse({ type: SimulationStateView })
  show(@Principal() principal: RequestPrincipal, @Param('id') id: string): Promise<SimulationStateView> {
    return this.state.execute({ workspaceId: principal.workspaceId, id });
  }

  @Get('simulations/:id/messages')
  @Permission('flows.read')
  @ApiOkResponse({ type: SandboxMessageView, isArray: true })
  async messages(@Principal() principal: RequestPrincipal, @Param('id') id: string): Promise<SandboxMessageView[]> {
    await this.simulations.find(this.dataSource, { workspaceId: principal.workspaceId, id });
    return this.sandbox.messages(principal.workspaceId, id);
  }

  @Post('simulations/:id/messages')
  @HttpCode(202)
  @Permission('flows.write')
  @ApiOkResponse({ type: SandboxAcceptedView })
  async say(@Principal() principal: RequestPrincipal, @Param('id') id: string, @Body() body: SendSandboxMessageDto): Promise<SandboxAcceptedView> {
    await this.simulations.find(this.dataSource, { workspaceId: principal.workspaceId, id });
    return this.sandbox.send(principal.workspaceId, id, body);
  }

  @Post('simulations/:id/skip-wait')
  @HttpCode(200)
  @Permission('flows.write')
  @ApiOkResponse({ type: SkippedWaitView })
  skip(@Principal() principal: RequestPrincipal, @Param('id') id: string): Promise<SkippedWaitView> {
    return this.skipWait.execute({ workspaceId: principal.workspaceId, id });
  }

  @Post('simulations/:id/events')
  @HttpCode(200)
  @Permission('flows.write')
  @ApiOkResponse({ type: SimulationStepView })
  event(@Principal() principal: RequestPrincipal, @Param('id') id: string, @Body() body: SimulationEventDto): Promise<SimulationStepView> {
    return this.sendEvent.execute({ workspaceId: principal.workspaceId, id, name: body.name, data: body.data });
  }

  /** Server-sent events from now on: `message` (either direction, again when its status changes) and `session` (re-read the state). */
  @Sse('simulations/:id/stream')
  @Permission('flows.read')
  @ApiProduces('text/event-stream')
  async stream(@Principal() principal: RequestPrincipal, @Param('id') id: string): Promise<Observable<MessageEvent>> {
    const simulation = await this.simulations.find(this.dataSource, { workspaceId: principal.workspaceId, id });
    await this.feed.ready(); // listening before the stream opens: no event of this conversation is missed
    return feedStream(this.feed, { workspaceId: principal.workspaceId, conversationId: simulation.id });
  }
}
