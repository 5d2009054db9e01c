import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { Membership, User, Workspace } from '../../database/entities/index.js';
import type { Role } from '../../security/roles.js';

/** A workspace as one of its members sees it in a list. */
export interface WorkspaceOfUser {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
}

/** A member of a workspace, with the person's name and email. */
export interface MemberView {
  readonly id: string;
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly joinedAt: Date;
}

/** Memberships: who belongs to which workspace, with which role. Every query names the workspace. */
@Injectable()
export class MembershipRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The user's workspaces, oldest membership first. */
  async listWorkspacesOfUser(userId: string, manager: EntityManager = this.dataSource.manager): Promise<WorkspaceOfUser[]> {
    const rows = await manager
      .createQueryBuilder(Membership, 'membership')
      .innerJoin(Workspace, 'workspace', 'workspace.id = membership.workspaceId')
      .select(['workspace.id AS id', 'workspace.name AS name', 'membership.role AS role'])
      .where('membership.userId = :userId', { userId })
      .orderBy('membership.createdAt', 'ASC')
      .addOrderBy('membership.id', 'ASC')
      .getRawMany<WorkspaceOfUser>();
    return rows.map(({ id, name, role }) => ({ id, name, role }));
  }

  /** The user's role in the workspace, or null when not a member. */
  async findRole(workspaceId: string, userId: string, manager: EntityManager = this.dataSource.manager): Promise<Role | null> {
    const row = await manager.findOne(Membership, { where: { workspaceId, userId }, select: { id: true, role: true } });
    return row?.role ?? null;
  }

  async listMembers(workspaceId: string): Promise<MemberView[]> {
    const rows = await this.memberViews(workspaceId).getRawMany<MemberView>();
    return rows.map(toMemberView);
  }

  async findMemberView(workspaceId: string, membershipId: string): Promise<MemberView | null> {
    const row = await this.memberViews(workspaceId).andWhere('membership.id = :membershipId', { membershipId }).getRawOne<MemberView>();
    return row === undefined ? null : toMemberView(row);
  }

  /**
   * Every membership of the workspace, locked FOR UPDATE until the transaction ends, in id order
   * (one order for everybody, so two concurrent changes cannot deadlock). Role changes and
   * removals check "is there still an owner" on these rows: two owners demoting each other at
   * the same time run one after the other, and the second sees the first's result.
   */
  lockMembers(workspaceId: string, manager: EntityManager): Promise<Membership[]> {
    return manager.find(Membership, { where: { workspaceId }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
  }

  async hasMembers(workspaceId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return (await manager.count(Membership, { where: { workspaceId } })) > 0;
  }

  /** Whether someone with this email (any case) is a member of the workspace. */
  async isMemberByEmail(workspaceId: string, email: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const count = await manager
      .createQueryBuilder(Membership, 'membership')
      .innerJoin(User, 'member', 'member.id = membership.userId')
      .where('membership.workspaceId = :workspaceId', { workspaceId })
      .andWhere('lower(member.email) = lower(:email)', { email })
      .getCount();
    return count > 0;
  }

  add(input: { workspaceId: string; userId: string; role: Role }, manager: EntityManager = this.dataSource.manager): Promise<Membership> {
    return manager.save(manager.create(Membership, input));
  }

  async updateRole(workspaceId: string, membershipId: string, role: Role, manager: EntityManager): Promise<void> {
    await manager.update(Membership, { id: membershipId, workspaceId }, { role });
  }

  async remove(workspaceId: string, membershipId: string, manager: EntityManager): Promise<void> {
    await manager.delete(Membership, { id: membershipId, workspaceId });
  }

  private memberViews(workspaceId: string): SelectQueryBuilder<Membership> {
    return this.dataSource.manager
      .createQueryBuilder(Membership, 'membership')
      .innerJoin(User, 'member', 'member.id = membership.userId')
      .select([
        'membership.id AS id',
        'membership.user_id AS "userId"',
        'member.email AS email',
        'member.name AS name',
        'membership.role AS role',
        'membership.created_at AS "joinedAt"',
      ])
      .where('membership.workspaceId = :workspaceId', { workspaceId })
      .orderBy('membership.createdAt', 'ASC')
      .addOrderBy('membership.id', 'ASC');
  }
}

function toMemberView({ id, userId, email, name, role, joinedAt }: MemberView): MemberView {
  return { id, userId, email, name, role, joinedAt };
}
