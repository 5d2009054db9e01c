import { Body, Controller, Delete, Get, HttpCode, Param, Patch } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission, Principal } from '../../auth/auth.decorators.js';
import type { RequestPrincipal } from '../../auth/request-principal.js';
import { UuidParamPipe } from '../shared/uuid.js';
import { ApiWorkspaceScoped } from '../shared/workspace-header.js';
import { ChangeMemberRoleUseCase } from './change-member-role.use-case.js';
import { ChangeMemberRoleDto, MemberDto, MembersDto } from './member.dto.js';
import { MembershipRepository } from './membership.repository.js';
import { RemoveMemberUseCase } from './remove-member.use-case.js';

/** Members of the current workspace. */
@ApiTags('members')
@ApiWorkspaceScoped()
@Controller('members')
export class MembersController {
  constructor(
    private readonly memberships: MembershipRepository,
    private readonly changeRole: ChangeMemberRoleUseCase,
    private readonly removeMember: RemoveMemberUseCase,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Members of the current workspace (any role may list them, e.g. to assign a conversation).' })
  @ApiOkResponse({ type: MembersDto })
  async list(@Principal() principal: RequestPrincipal): Promise<MembersDto> {
    return { members: await this.memberships.listMembers(principal.workspaceId) };
  }

  @Patch(':memberId')
  @Permission('members.manage')
  @ApiOperation({ summary: 'Change a member’s role (owner, admin). Only an owner makes or unmakes owners; the last owner stays (409).' })
  @ApiOkResponse({ type: MemberDto })
  update(
    @Principal() principal: RequestPrincipal,
    @Param('memberId', UuidParamPipe) memberId: string,
    @Body() body: ChangeMemberRoleDto,
  ): Promise<MemberDto> {
    return this.changeRole.execute({ actor: principal, memberId, role: body.role });
  }

  @Delete(':memberId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a member (owner, admin), or leave the workspace (your own membership). The last owner stays (409).' })
  @ApiNoContentResponse({ description: 'Removed.' })
  async remove(@Principal() principal: RequestPrincipal, @Param('memberId', UuidParamPipe) memberId: string): Promise<void> {
    await this.removeMember.execute({ actor: principal, memberId });
  }
}
