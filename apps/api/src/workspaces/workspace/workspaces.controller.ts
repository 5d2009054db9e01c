import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CurrentUser, SignedIn, type SignedInUser } from '../../accounts/credentials/signed-in.js';
import { MembershipRepository } from '../members/membership.repository.js';
import { CreateWorkspaceUseCase } from './create-workspace.use-case.js';
import { CreateWorkspaceDto, CreatedWorkspaceDto, MyWorkspaceDto } from './workspace.dto.js';
import { toWorkspaceDto } from './workspace-view.js';

export class MyWorkspacesDto {
  @ApiProperty({ type: [MyWorkspaceDto] })
  workspaces!: MyWorkspaceDto[];
}

/** The signed-in person's workspaces: these routes need no current workspace. */
@ApiTags('workspaces')
@SignedIn()
@Controller('workspaces')
export class WorkspacesController {
  constructor(
    private readonly memberships: MembershipRepository,
    private readonly createWorkspace: CreateWorkspaceUseCase,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The workspaces I am a member of, with my role in each.' })
  @ApiOkResponse({ type: MyWorkspacesDto })
  async list(@CurrentUser() user: SignedInUser): Promise<MyWorkspacesDto> {
    return { workspaces: await this.memberships.listWorkspacesOfUser(user.userId) };
  }

  @Post()
  @ApiOperation({ summary: 'Create a workspace; I become its owner. Send its id as X-Workspace-Id to work in it.' })
  @ApiCreatedResponse({ type: CreatedWorkspaceDto })
  async create(@CurrentUser() user: SignedInUser, @Body() body: CreateWorkspaceDto): Promise<CreatedWorkspaceDto> {
    const workspace = await this.createWorkspace.execute({ ...body, ownerUserId: user.userId });
    return { ...toWorkspaceDto(workspace), role: 'owner' };
  }
}
