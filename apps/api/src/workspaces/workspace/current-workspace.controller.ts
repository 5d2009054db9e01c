import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission, Principal } from '../../auth/auth.decorators.js';
import type { RequestPrincipal } from '../../auth/request-principal.js';
import { notFound } from '../shared/not-found.js';
import { ApiWorkspaceScoped } from '../shared/workspace-header.js';
import { UpdateWorkspaceSettingsUseCase } from './update-workspace-settings.use-case.js';
import { UpdateWorkspaceDto, WorkspaceDto } from './workspace.dto.js';
import { WorkspaceRepository } from './workspace.repository.js';
import { toWorkspaceDto } from './workspace-view.js';

/** The workspace the request acts in (X-Workspace-Id, or the session's current one). */
@ApiTags('workspaces')
@ApiWorkspaceScoped()
@Controller('workspace')
export class CurrentWorkspaceController {
  constructor(
    private readonly workspaces: WorkspaceRepository,
    private readonly updateSettings: UpdateWorkspaceSettingsUseCase,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The current workspace and its settings.' })
  @ApiOkResponse({ type: WorkspaceDto })
  async get(@Principal() principal: RequestPrincipal): Promise<WorkspaceDto> {
    const workspace = await this.workspaces.findById(principal.workspaceId);
    if (workspace === null) throw notFound('workspace', 'workspace_not_found');
    return toWorkspaceDto(workspace);
  }

  @Patch()
  @Permission('workspace.manage')
  @ApiOperation({ summary: 'Change the current workspace: name, time zone, locale, currency, country, business hours (owner, admin).' })
  @ApiOkResponse({ type: WorkspaceDto })
  async update(@Principal() principal: RequestPrincipal, @Body() body: UpdateWorkspaceDto): Promise<WorkspaceDto> {
    return toWorkspaceDto(await this.updateSettings.execute({ workspaceId: principal.workspaceId, changes: body }));
  }
}
