import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiError } from '../../http/api-error.js';
import { notFound } from '../shared/not-found.js';
import { InvitationRepository } from './invitation.repository.js';

/** Revokes an invitation of the workspace: its link then answers 410. Revoking twice is fine. */
@Injectable()
export class RevokeInvitationUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly invitations: InvitationRepository,
  ) {}

  async execute({ workspaceId, invitationId }: { workspaceId: string; invitationId: string }): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const invitation = await this.invitations.findInWorkspaceForUpdate(workspaceId, invitationId, manager);
      if (invitation === null) throw notFound('invitation', 'invitation_not_found');
      if (invitation.acceptedAt !== null) {
        throw new ApiError({ status: 409, code: 'invitation_used', message: 'This invitation was already accepted: remove the member instead.' });
      }
      if (invitation.revokedAt === null) await this.invitations.markRevoked(workspaceId, invitationId, new Date(), manager);
    });
  }
}
