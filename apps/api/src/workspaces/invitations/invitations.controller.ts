import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission, Principal } from '../../auth/auth.decorators.js';
import type { RequestPrincipal } from '../../auth/request-principal.js';
import { UuidParamPipe } from '../shared/uuid.js';
import { ApiWorkspaceScoped } from '../shared/workspace-header.js';
import { CreateInvitationUseCase } from './create-invitation.use-case.js';
import { CreateInvitationDto, CreatedInvitationDto, InvitationsDto } from './invitation.dto.js';
import { InvitationRepository } from './invitation.repository.js';
import { toInvitationDto } from './invitation-view.js';
import { RevokeInvitationUseCase } from './revoke-invitation.use-case.js';

/** Invitations to the current workspace (owner, admin). Accepting one: POST /api/invitations/accept. */
@ApiTags('invitations')
@ApiWorkspaceScoped()
@Permission('members.manage')
@Controller('invitations')
export class InvitationsController {
  constructor(
    private readonly invitations: InvitationRepository,
    private readonly createInvitation: CreateInvitationUseCase,
    private readonly revokeInvitation: RevokeInvitationUseCase,
  ) {}

  @Post()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Invite someone by email with a role. Returns the accept link once. No email is sent yet: share the link yourself.',
  })
  @ApiCreatedResponse({ type: CreatedInvitationDto })
  async create(@Principal() principal: RequestPrincipal, @Body() body: CreateInvitationDto): Promise<CreatedInvitationDto> {
    const { invitation, token } = await this.createInvitation.execute({ actor: principal, email: body.email, role: body.role });
    return { ...toInvitationDto(invitation, new Date()), token, acceptPath: `/accept-invitation#token=${token}`, delivery: 'manual' };
  }

  @Get()
  @ApiOperation({ summary: 'Open invitations (pending or expired) of the current workspace.' })
  @ApiOkResponse({ type: InvitationsDto })
  async list(@Principal() principal: RequestPrincipal): Promise<InvitationsDto> {
    const now = new Date();
    return { invitations: (await this.invitations.listOpen(principal.workspaceId)).map((invitation) => toInvitationDto(invitation, now)) };
  }

  @Delete(':invitationId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an invitation: its link stops working (410).' })
  @ApiNoContentResponse({ description: 'Revoked.' })
  async revoke(@Principal() principal: RequestPrincipal, @Param('invitationId', UuidParamPipe) invitationId: string): Promise<void> {
    await this.revokeInvitation.execute({ workspaceId: principal.workspaceId, invitationId });
  }
}
