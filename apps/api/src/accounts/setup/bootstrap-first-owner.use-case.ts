import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { User } from '../../database/entities/index.js';
import { hashPassword } from '../../security/index.js';
import { MembershipRepository } from '../../workspaces/members/membership.repository.js';
import { CreateWorkspaceUseCase } from '../../workspaces/workspace/create-workspace.use-case.js';
import { canonicalTimeZone } from '../../workspaces/workspace/time-zone.js';
import { WorkspaceRepository } from '../../workspaces/workspace/workspace.repository.js';
import { UserRepository } from '../users/user.repository.js';

export interface BootstrapFirstOwnerCommand {
  readonly email: string;
  /** Plain text; hashed here. Callers check the policy (the HTTP sign-up does, in its DTO). */
  readonly password: string;
  readonly name: string;
  /** For the owner's workspace; an adopted workspace keeps what is not given. */
  readonly workspace?: { readonly name?: string; readonly timezone?: string; readonly locale?: string };
  /**
   * With no memberless workspace to adopt: `create` one (default), or `await_adoption`: create
   * the owner without a workspace, because one is about to be seeded in this same start and
   * handed over with `adoptOrphanWorkspace` (ADMIN_EMAIL with SEED_DEMO on).
   */
  readonly withoutWorkspaceToAdopt?: 'create' | 'await_adoption';
}

export type BootstrapFirstOwnerResult =
  | { readonly status: 'created'; readonly user: User; readonly workspaceId: string | null; readonly adoptedWorkspace: boolean }
  | { readonly status: 'already_set_up' };

/** Name of the workspace created for a first owner who gave none (ADMIN_EMAIL start-up). */
export const DEFAULT_WORKSPACE_NAME = 'My workspace';

/**
 * Key of the PostgreSQL advisory lock that serialises everything about the first owner, across
 * processes: creating them (sign-up, ADMIN_EMAIL at start) and giving them memberless
 * workspaces (the demo seed). Any order of these calls ends in the same state.
 */
const FIRST_OWNER_LOCK_KEY = 0x6a726e01;

/**
 * The first account of an installation, and the order-independent hand-over of workspaces that
 * were created before anyone could own them (the demo workspace, seeded on first start):
 *
 * - `execute`: creates the first owner iff no account exists yet (else `already_set_up`; an
 *   existing account, its password included, is never touched). The owner gets the oldest
 *   workspace without members if there is one, else a new workspace.
 * - `adoptOrphanWorkspace(id)`: gives a workspace without members to the first owner, if there
 *   is one yet (else does nothing: the first owner will adopt it when created).
 *
 * A seed that creates a memberless workspace and then calls `adoptOrphanWorkspace` ends with
 * that workspace owned by the first owner whether the owner was created before or after it.
 */
@Injectable()
export class BootstrapFirstOwnerUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly workspaces: WorkspaceRepository,
    private readonly memberships: MembershipRepository,
    private readonly createWorkspace: CreateWorkspaceUseCase,
  ) {}

  /** True while no account exists (the first-run sign-up is open). */
  async needsSetup(): Promise<boolean> {
    return !(await this.users.anyExists());
  }

  async execute(command: BootstrapFirstOwnerCommand): Promise<BootstrapFirstOwnerResult> {
    // Cheap check first: hashing costs ~100 ms and runs outside the transaction.
    if (await this.users.anyExists()) return { status: 'already_set_up' };
    const passwordHash = await hashPassword(command.password);
    const settings = command.workspace ?? {};
    const timezone = settings.timezone === undefined ? undefined : (canonicalTimeZone(settings.timezone) ?? undefined);
    return this.dataSource.transaction(async (manager): Promise<BootstrapFirstOwnerResult> => {
      await lockFirstOwner(manager);
      if (await this.users.anyExists(manager)) return { status: 'already_set_up' };
      const user = await this.users.create({ email: command.email, name: command.name, passwordHash }, manager);
      const orphan = await this.workspaces.findOldestWithoutMembers(manager);
      if (orphan !== null) {
        await this.workspaces.update(orphan.id, { name: settings.name?.trim(), timezone, locale: settings.locale }, manager);
        await this.memberships.add({ workspaceId: orphan.id, userId: user.id, role: 'owner' }, manager);
        return { status: 'created', user, workspaceId: orphan.id, adoptedWorkspace: true };
      }
      if (command.withoutWorkspaceToAdopt === 'await_adoption') return { status: 'created', user, workspaceId: null, adoptedWorkspace: false };
      const workspace = await this.createWorkspace.execute(
        { ownerUserId: user.id, name: settings.name ?? DEFAULT_WORKSPACE_NAME, timezone, locale: settings.locale },
        manager,
      );
      return { status: 'created', user, workspaceId: workspace.id, adoptedWorkspace: false };
    });
  }

  async adoptOrphanWorkspace(workspaceId: string): Promise<{ readonly adopted: boolean; readonly ownerUserId?: string }> {
    return this.dataSource.transaction(async (manager) => {
      await lockFirstOwner(manager);
      if ((await this.workspaces.findById(workspaceId, manager)) === null) return { adopted: false };
      if (await this.memberships.hasMembers(workspaceId, manager)) return { adopted: false };
      const owner = await this.users.findFirst(manager);
      if (owner === null) return { adopted: false };
      await this.memberships.add({ workspaceId, userId: owner.id, role: 'owner' }, manager);
      return { adopted: true, ownerUserId: owner.id };
    });
  }
}

async function lockFirstOwner(manager: EntityManager): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock($1)', [FIRST_OWNER_LOCK_KEY]);
}
