import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RequestPrincipal } from '../../auth/request-principal.js';
import type { Invitation } from '../../database/entities/index.js';
import { ApiError } from '../../http/api-error.js';
import { canAssignRole, createToken, type Role } from '../../security/index.js';
import { MembershipRepository } from '../members/membership.repository.js';
import { InvitationRepository } from './invitation.repository.js';

/** How long an invitation link works. */
export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export interface CreateInvitationCommand {
  readonly actor: RequestPrincipal;
  readonly email: string;
  readonly role: Role;
}

/**
 * Invites someone by email with a role. Returns the link token once (only its hash is stored);
 * no email is sent yet, so the inviter shares the link. A new invitation to the same address
 * revokes the earlier open ones, so "invite again" is how a lost link is replaced.
 */
@Injectable()
export class CreateInvitationUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly invitations: InvitationRepository,
    private readonly memberships: MembershipRepository,
  ) {}

  async execute({ actor, email, role }: CreateInvitationCommand): Promise<{ invitation: Invitation; token: string }> {
    if (!canAssignRole(actor.role, role)) {
      throw new ApiError({
        status: 403,
        code: 'forbidden',
        message: role === 'owner' ? 'Only an owner can invite an owner.' : `Your role (${actor.role}) cannot invite a ${role}.`,
      });
    }
    const { token, hash } = createToken();
    const now = new Date();
    const invitation = await this.dataSource.transaction(async (manager) => {
      if (await this.memberships.isMemberByEmail(actor.workspaceId, email, manager)) {
        throw new ApiError({ status: 409, code: 'already_member', message: `${email} is already a member of this workspace.` });
      }
      await this.invitations.revokeOpenFor(actor.workspaceId, email, now, manager);
      return this.invitations.create(
        {
          workspaceId: actor.workspaceId,
          email,
          role,
          tokenHash: hash,
          invitedBy: actor.userId ?? null,
          expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_MS),
        },
        manager,
      );
    });
    return { invitation, token };
  }
}
