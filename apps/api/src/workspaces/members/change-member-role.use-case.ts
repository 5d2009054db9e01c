import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RequestPrincipal } from '../../auth/request-principal.js';
import { canChangeRole, hasAnOwner, type Role } from '../../security/roles.js';
import { notFound } from '../shared/not-found.js';
import { currentActorRole, forbidden, lastOwner } from './member-rules.js';
import { MembershipRepository, type MemberView } from './membership.repository.js';

export interface ChangeMemberRoleCommand {
  readonly actor: RequestPrincipal;
  readonly memberId: string;
  readonly role: Role;
}

/**
 * Changes a member's role under the rules of security/roles.ts. The workspace's memberships
 * are locked for the transaction, so the "still an owner" check cannot be raced.
 */
@Injectable()
export class ChangeMemberRoleUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly memberships: MembershipRepository,
  ) {}

  async execute({ actor, memberId, role }: ChangeMemberRoleCommand): Promise<MemberView> {
    const { workspaceId } = actor;
    await this.dataSource.transaction(async (manager) => {
      const members = await this.memberships.lockMembers(workspaceId, manager);
      const target = members.find((member) => member.id === memberId);
      if (target === undefined) throw notFound('member', 'member_not_found');
      const actorRole = currentActorRole(actor, members);
      if (!canChangeRole(actorRole, target.role, role)) {
        if (role === 'owner' || target.role === 'owner') throw forbidden('Only an owner can make someone an owner or change an owner’s role.');
        throw forbidden(`Your role (${actorRole}) cannot change a ${target.role} into a ${role}.`);
      }
      if (target.role === role) return;
      if (!hasAnOwner(members.map((member) => (member.id === target.id ? role : member.role)))) throw lastOwner('demote');
      await this.memberships.updateRole(workspaceId, target.id, role, manager);
    });
    const member = await this.memberships.findMemberView(workspaceId, memberId);
    if (member === null) throw notFound('member', 'member_not_found');
    return member;
  }
}
