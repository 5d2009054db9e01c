import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RequestPrincipal } from '../../auth/request-principal.js';
import { canRemoveMember, hasAnOwner } from '../../security/roles.js';
import { notFound } from '../shared/not-found.js';
import { currentActorRole, forbidden, lastOwner } from './member-rules.js';
import { MembershipRepository } from './membership.repository.js';

/**
 * Removes a member (or lets a member leave: anyone may remove themselves). The last owner
 * stays, checked on locked rows as for role changes. The person's sessions stay valid for
 * their other workspaces; this one answers 404 to them from now on.
 */
@Injectable()
export class RemoveMemberUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly memberships: MembershipRepository,
  ) {}

  async execute({ actor, memberId }: { actor: RequestPrincipal; memberId: string }): Promise<void> {
    const { workspaceId } = actor;
    await this.dataSource.transaction(async (manager) => {
      const members = await this.memberships.lockMembers(workspaceId, manager);
      const target = members.find((member) => member.id === memberId);
      if (target === undefined) throw notFound('member', 'member_not_found');
      const actorRole = currentActorRole(actor, members);
      const leaving = actor.userId !== undefined && actor.userId === target.userId;
      if (!leaving && !canRemoveMember(actorRole, target.role)) {
        throw forbidden(target.role === 'owner' ? 'Only an owner can remove an owner.' : `Your role (${actorRole}) cannot remove a ${target.role}.`);
      }
      if (!hasAnOwner(members.filter((member) => member.id !== target.id).map((member) => member.role))) throw lastOwner('remove');
      await this.memberships.remove(workspaceId, target.id, manager);
    });
  }
}
