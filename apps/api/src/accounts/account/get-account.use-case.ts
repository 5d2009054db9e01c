import { Injectable } from '@nestjs/common';
import { MembershipRepository } from '../../workspaces/members/membership.repository.js';
import { CredentialAuthenticator, type SignedInUser } from '../credentials/credential-authenticator.js';
import { UserRepository } from '../users/user.repository.js';
import { toUserDto, type AccountDto } from './account.dto.js';

/** `GET /api/auth/me`: the signed-in person, their workspaces, and the current one. */
@Injectable()
export class GetAccountUseCase {
  constructor(
    private readonly users: UserRepository,
    private readonly memberships: MembershipRepository,
    private readonly authenticator: CredentialAuthenticator,
  ) {}

  async execute({ user, requestedWorkspaceId }: { user: SignedInUser; requestedWorkspaceId: string | undefined }): Promise<AccountDto> {
    const account = await this.users.findById(user.userId);
    // Sessions are deleted with their user (ON DELETE CASCADE); this is a race with that delete.
    if (account === null) throw new Error(`Session of user ${user.userId}, who no longer exists`);
    const current = await this.authenticator.resolveWorkspace(user, requestedWorkspaceId);
    return {
      user: toUserDto(account),
      workspaces: await this.memberships.listWorkspacesOfUser(user.userId),
      currentWorkspaceId: current?.id ?? null,
    };
  }
}
