import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission, Principal } from '../auth/auth.decorators.js';
import type { RequestPrincipal } from '../auth/request-principal.js';
import { EventAcceptedDto, PostEventDto } from './post-event.dto.js';
import { ReceiveEventUseCase } from './receive-event.use-case.js';

/** External and commerce events from the store or any system (API key or a signed-in editor). */
@ApiTags('events')
@Controller('events')
export class EventsController {
  constructor(private readonly receiveEvent: ReceiveEventUseCase) {}

  @Post()
  @HttpCode(202)
  @Permission('contacts.write')
  @ApiOperation({
    summary: 'Post an event (cart.abandoned, order.created, any namespace.event): stored once per id, then it resumes the sessions waiting for it and starts the flows it triggers.',
  })
  @ApiAcceptedResponse({ type: EventAcceptedDto })
  post(@Principal() principal: RequestPrincipal, @Body() body: PostEventDto): Promise<EventAcceptedDto> {
    return this.receiveEvent.execute({ workspaceId: principal.workspaceId, ...body });
  }
}
