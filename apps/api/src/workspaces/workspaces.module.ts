import { Module } from '@nestjs/common';
import { ApiKeyRepository } from './api-keys/api-key.repository.js';
import { ApiKeysController } from './api-keys/api-keys.controller.js';
import { CreateApiKeyUseCase } from './api-keys/create-api-key.use-case.js';
import { CreateInvitationUseCase } from './invitations/create-invitation.use-case.js';
import { InvitationRepository } from './invitations/invitation.repository.js';
import { InvitationsController } from './invitations/invitations.controller.js';
import { RevokeInvitationUseCase } from './invitations/revoke-invitation.use-case.js';
import { ChangeMemberRoleUseCase } from './members/change-member-role.use-case.js';
import { MembersController } from './members/members.controller.js';
import { MembershipRepository } from './members/membership.repository.js';
import { RemoveMemberUseCase } from './members/remove-member.use-case.js';
import { CreateWorkspaceUseCase } from './workspace/create-workspace.use-case.js';
import { CurrentWorkspaceController } from './workspace/current-workspace.controller.js';
import { UpdateWorkspaceSettingsUseCase } from './workspace/update-workspace-settings.use-case.js';
import { WorkspaceRepository } from './workspace/workspace.repository.js';
import { WorkspacesController } from './workspace/workspaces.controller.js';

/**
 * Workspaces (the tenants), their settings, members, invitations and API keys. Accepting an
 * invitation is an account action (it may create a person): see accounts/invitations.
 * The repositories are exported for the accounts module (sign-in needs memberships and keys).
 */
@Module({
  controllers: [WorkspacesController, CurrentWorkspaceController, MembersController, InvitationsController, ApiKeysController],
  providers: [
    WorkspaceRepository,
    MembershipRepository,
    InvitationRepository,
    ApiKeyRepository,
    CreateWorkspaceUseCase,
    UpdateWorkspaceSettingsUseCase,
    ChangeMemberRoleUseCase,
    RemoveMemberUseCase,
    CreateInvitationUseCase,
    RevokeInvitationUseCase,
    CreateApiKeyUseCase,
  ],
  exports: [WorkspaceRepository, MembershipRepository, InvitationRepository, ApiKeyRepository, CreateWorkspaceUseCase],
})
export class WorkspacesModule {}
