import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission, Principal } from '../auth/auth.decorators.js';
import type { RequestPrincipal } from '../auth/request-principal.js';
import { ListVersionsQueryDto, LocaleQueryDto, PublishFlowDto, RestoreVersionDto } from './dto/flow-requests.dto.js';
import { DraftSavedDto, FlowVersionDiffDto, FlowVersionDto, FlowVersionPageDto, PublishedFlowDto } from './dto/flow-responses.dto.js';
import { versionNotFound } from './flow-errors.js';
import { toFlowVersion } from './flow-views.js';
import { GetVersionQuery, parseVersionNumber } from './queries/get-version.query.js';
import { ListVersionsQuery } from './queries/list-versions.query.js';
import { PublishFlowUseCase } from './use-cases/publish-flow.use-case.js';
import { RestoreVersionUseCase } from './use-cases/restore-version.use-case.js';

/** Published versions: numbered, immutable; publish, list, read, compare, restore into the draft. */
@ApiTags('flows')
@Controller('flows/:id')
export class FlowVersionsController {
  constructor(
    private readonly publishFlow: PublishFlowUseCase,
    private readonly restoreVersion: RestoreVersionUseCase,
    private readonly listVersions: ListVersionsQuery,
    private readonly getVersion: GetVersionQuery,
  ) {}

  @Post('publish')
  @HttpCode(200)
  @Permission('flows.publish')
  @ApiOperation({ summary: 'Publish the draft as the next version. 422 flow_has_errors (details: the lint errors) when any error remains.' })
  @ApiOkResponse({ type: PublishedFlowDto })
  publish(@Principal() principal: RequestPrincipal, @Param('id') id: string, @Body() body: PublishFlowDto): Promise<PublishedFlowDto> {
    return this.publishFlow.execute({ workspaceId: principal.workspaceId, flowId: id, userId: principal.userId, revision: body.revision });
  }

  @Permission('flows.read')
  @Get('versions')
  @ApiOperation({ summary: 'Versions, newest first, each with a summary of what changed since the previous one.' })
  @ApiOkResponse({ type: FlowVersionPageDto })
  list(@Principal() principal: RequestPrincipal, @Param('id') id: string, @Query() query: ListVersionsQueryDto): Promise<FlowVersionPageDto> {
    return this.listVersions.execute({ workspaceId: principal.workspaceId, flowId: id, ...query });
  }

  @Permission('flows.read')
  @Get('versions/:version')
  @ApiOperation({ summary: 'One published version with its document.' })
  @ApiOkResponse({ type: FlowVersionDto })
  async get(@Principal() principal: RequestPrincipal, @Param('id') id: string, @Param('version') version: string): Promise<FlowVersionDto> {
    return toFlowVersion(await this.getVersion.execute({ workspaceId: principal.workspaceId, flowId: id, version }));
  }

  @Permission('flows.read')
  @Get('versions/:from/diff/:to')
  @ApiOperation({ summary: 'What changed from one version to another.' })
  @ApiOkResponse({ type: FlowVersionDiffDto })
  diff(
    @Principal() principal: RequestPrincipal,
    @Param('id') id: string,
    @Param('from') from: string,
    @Param('to') to: string,
    @Query() query: LocaleQueryDto,
  ): Promise<FlowVersionDiffDto> {
    return this.getVersion.diff({ workspaceId: principal.workspaceId, flowId: id, from, to, locale: query.locale });
  }

  @Post('versions/:version/restore')
  @HttpCode(200)
  @Permission('flows.write')
  @ApiOperation({ summary: 'Copy a version into the draft (same conflict rule as a draft save).' })
  @ApiOkResponse({ type: DraftSavedDto })
  restore(
    @Principal() principal: RequestPrincipal,
    @Param('id') id: string,
    @Param('version') version: string,
    @Body() body: RestoreVersionDto,
  ): Promise<DraftSavedDto> {
    const number = parseVersionNumber(version);
    if (number === null) throw versionNotFound(id, version);
    return this.restoreVersion.execute({ workspaceId: principal.workspaceId, flowId: id, version: number, revision: body.revision });
  }
}
