import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { lint } from '@jornada/flow-engine';
import { Permission, Principal } from '../auth/auth.decorators.js';
import type { RequestPrincipal } from '../auth/request-principal.js';
import { CreateFlowDto, DuplicateFlowDto, ImportFlowDto, ListFlowsQueryDto, RenameFlowDto, ValidateFlowDto } from './dto/flow-requests.dto.js';
import { FlowDetailDto, FlowPageDto, ImportedFlowDto, ValidateFlowResultDto } from './dto/flow-responses.dto.js';
import { toFlowDetail, toIssues } from './flow-views.js';
import { GetFlowQuery } from './queries/get-flow.query.js';
import { ListFlowsQuery } from './queries/list-flows.query.js';
import { CreateFlowUseCase } from './use-cases/create-flow.use-case.js';
import { DeleteFlowUseCase } from './use-cases/delete-flow.use-case.js';
import { DuplicateFlowUseCase } from './use-cases/duplicate-flow.use-case.js';
import { ImportFlowUseCase } from './use-cases/import-flow.use-case.js';
import { RenameFlowUseCase } from './use-cases/rename-flow.use-case.js';

/** Flows of the caller's workspace. Anyone in the workspace may read; editors and up change. */
@ApiTags('flows')
@Controller('flows')
export class FlowsController {
  constructor(
    private readonly listFlows: ListFlowsQuery,
    private readonly getFlow: GetFlowQuery,
    private readonly createFlow: CreateFlowUseCase,
    private readonly importFlow: ImportFlowUseCase,
    private readonly renameFlow: RenameFlowUseCase,
    private readonly duplicateFlow: DuplicateFlowUseCase,
    private readonly deleteFlow: DeleteFlowUseCase,
  ) {}

  @Permission('flows.read')
  @Get()
  @ApiOperation({ summary: 'List flows, most recently edited first (cursor pagination).' })
  @ApiOkResponse({ type: FlowPageDto })
  list(@Principal() principal: RequestPrincipal, @Query() query: ListFlowsQueryDto): Promise<FlowPageDto> {
    return this.listFlows.execute({ workspaceId: principal.workspaceId, ...query });
  }

  @Post()
  @Permission('flows.write')
  @ApiOperation({ summary: 'Create a flow: blank, from a journey template, or from a document.' })
  @ApiCreatedResponse({ type: FlowDetailDto })
  async create(@Principal() principal: RequestPrincipal, @Body() body: CreateFlowDto): Promise<FlowDetailDto> {
    return toFlowDetail(await this.createFlow.execute({ workspaceId: principal.workspaceId, ...body }));
  }

  @Permission('flows.read')
  @Post('validate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Lint a flow document without saving it. Any JSON gives issues, never an error.' })
  @ApiOkResponse({ type: ValidateFlowResultDto })
  validate(@Body() body: ValidateFlowDto): ValidateFlowResultDto {
    return { issues: toIssues(lint(body.document)) };
  }

  @Post('import')
  @Permission('flows.write')
  @ApiOperation({ summary: 'Create a flow from an exported document; older schema versions are migrated.' })
  @ApiCreatedResponse({ type: ImportedFlowDto })
  async import(@Principal() principal: RequestPrincipal, @Body() body: ImportFlowDto): Promise<ImportedFlowDto> {
    const { flow, migratedFrom } = await this.importFlow.execute({ workspaceId: principal.workspaceId, ...body });
    return migratedFrom === undefined ? toFlowDetail(flow) : { ...toFlowDetail(flow), migratedFrom };
  }

  @Permission('flows.read')
  @Get(':id')
  @ApiOperation({ summary: 'A flow with its draft document, draft revision and lint issues.' })
  @ApiOkResponse({ type: FlowDetailDto })
  async get(@Principal() principal: RequestPrincipal, @Param('id') id: string): Promise<FlowDetailDto> {
    return toFlowDetail(await this.getFlow.execute({ workspaceId: principal.workspaceId, flowId: id }));
  }

  @Patch(':id')
  @Permission('flows.write')
  @ApiOperation({ summary: 'Rename a flow or change its description (a new draft revision).' })
  @ApiOkResponse({ type: FlowDetailDto })
  async rename(@Principal() principal: RequestPrincipal, @Param('id') id: string, @Body() body: RenameFlowDto): Promise<FlowDetailDto> {
    return toFlowDetail(await this.renameFlow.execute({ workspaceId: principal.workspaceId, flowId: id, ...body }));
  }

  @Delete(':id')
  @HttpCode(204)
  @Permission('flows.write')
  @ApiOperation({ summary: 'Delete a flow (soft: its versions stay for running sessions).' })
  @ApiNoContentResponse()
  async delete(@Principal() principal: RequestPrincipal, @Param('id') id: string): Promise<void> {
    await this.deleteFlow.execute({ workspaceId: principal.workspaceId, flowId: id });
  }

  @Post(':id/duplicate')
  @Permission('flows.write')
  @ApiOperation({ summary: 'Copy a flow’s draft into a new flow.' })
  @ApiCreatedResponse({ type: FlowDetailDto })
  async duplicate(@Principal() principal: RequestPrincipal, @Param('id') id: string, @Body() body: DuplicateFlowDto): Promise<FlowDetailDto> {
    return toFlowDetail(await this.duplicateFlow.execute({ workspaceId: principal.workspaceId, flowId: id, ...body }));
  }
}
