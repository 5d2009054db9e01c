import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { Invitation } from '../../database/entities/index.js';
import type { Role } from '../../security/roles.js';

export type InvitationStatus = 'pending' | 'expired' | 'accepted' | 'revoked';

export function invitationStatus(invitation: Invitation, now: Date): InvitationStatus {
  if (invitation.acceptedAt !== null) return 'accepted';
  if (invitation.revokedAt !== null) return 'revoked';
  return invitation.expiresAt.getTime() <= now.getTime() ? 'expired' : 'pending';
}

/** Invitations to a workspace; found by id within the workspace, or by the hash of their token. */
@Injectable()
export class InvitationRepository {
  constructor(private readonly dataSource: DataSource) {}

  create(
    input: { workspaceId: string; email: string; role: Role; tokenHash: string; invitedBy: string | null; expiresAt: Date },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Invitation> {
    return manager.save(manager.create(Invitation, { ...input, acceptedAt: null, revokedAt: null }));
  }

  /** Invitations not yet accepted nor revoked (pending or expired), newest first. */
  listOpen(workspaceId: string): Promise<Invitation[]> {
    return this.dataSource.manager.find(Invitation, {
      where: { workspaceId, acceptedAt: IsNull(), revokedAt: IsNull() },
      order: { createdAt: 'DESC', id: 'ASC' },
    });
  }

  findInWorkspaceForUpdate(workspaceId: string, id: string, manager: EntityManager): Promise<Invitation | null> {
    return manager.findOne(Invitation, { where: { workspaceId, id }, lock: { mode: 'pessimistic_write' } });
  }

  findByTokenHash(tokenHash: string, manager: EntityManager = this.dataSource.manager): Promise<Invitation | null> {
    return manager.findOne(Invitation, { where: { tokenHash } });
  }

  /** Locks the invitation until the transaction ends, so one link cannot be accepted twice. */
  findByTokenHashForUpdate(tokenHash: string, manager: EntityManager): Promise<Invitation | null> {
    return manager.findOne(Invitation, { where: { tokenHash }, lock: { mode: 'pessimistic_write' } });
  }

  /** Revokes the open invitations of `email` (any case): a new invitation replaces them. */
  async revokeOpenFor(workspaceId: string, email: string, now: Date, manager: EntityManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(Invitation)
      .set({ revokedAt: now })
      .where('workspace_id = :workspaceId', { workspaceId })
      .andWhere('lower(email) = lower(:email)', { email })
      .andWhere('accepted_at IS NULL AND revoked_at IS NULL')
      .execute();
  }

  async markRevoked(workspaceId: string, id: string, now: Date, manager: EntityManager): Promise<void> {
    await manager.update(Invitation, { workspaceId, id }, { revokedAt: now });
  }

  async markAccepted(id: string, now: Date, manager: EntityManager): Promise<void> {
    await manager.update(Invitation, { id }, { acceptedAt: now });
  }
}
