import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Permission, Principal } from '../../auth/auth.decorators.js';
import type { RequestPrincipal } from '../../auth/request-principal.js';
import { SessionHistoryQuery } from './session-history.query.js';
import { ListSessionsQueryDto, RunLogPageView, RunLogQueryDto, SessionDetailView, SessionPageView } from './sessions.dto.js';

/** The run history of flows: what each session did, for whoever builds and debugs flows. */
@ApiTags('sessions')
@Controller('sessions')
export class SessionsController {
  constructor(private readonly history: SessionHistoryQuery) {}

  @Get()
  @Permission('flows.read')
  @ApiOkResponse({ type: SessionPageView })
  list(@Principal() principal: RequestPrincipal, @Query() query: ListSessionsQueryDto): Promise<SessionPageView> {
    return this.history.list(principal.workspaceId, query);
  }

  @Get(':id')
  @Permission('flows.read')
  @ApiOkResponse({ type: SessionDetailView })
  get(@Principal() principal: RequestPrincipal, @Param('id') id: string): Promise<SessionDetailView> {
    return this.history.get(principal.workspaceId, id);
  }

  @Get(':id/log')
  @Permission('flows.read')
  @ApiOkResponse({ type: RunLogPageView })
  log(@Principal() principal: RequestPrincipal, @Param('id') id: string, @Query() query: RunLogQueryDto): Promise<RunLogPageView> {
    return this.history.log(principal.workspaceId, id, query);
  }
}
