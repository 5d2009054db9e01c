import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Workspace } from '../../database/entities/index.js';
import { MembershipRepository } from '../members/membership.repository.js';
import { canonicalTimeZone } from './time-zone.js';
import { WorkspaceRepository, type NewWorkspace } from './workspace.repository.js';

export interface CreateWorkspaceCommand extends NewWorkspace {
  /** Becomes the workspace's owner. */
  readonly ownerUserId: string;
}

/** Creates a workspace with its creator as owner, in one transaction. */
@Injectable()
export class CreateWorkspaceUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly workspaces: WorkspaceRepository,
    private readonly memberships: MembershipRepository,
  ) {}

  /** Pass `manager` to run inside a caller's transaction (first-owner bootstrap). */
  execute(command: CreateWorkspaceCommand, manager?: EntityManager): Promise<Workspace> {
    const run = async (transaction: EntityManager): Promise<Workspace> => {
      const { ownerUserId, ...settings } = command;
      const timezone = settings.timezone === undefined ? undefined : (canonicalTimeZone(settings.timezone) ?? undefined);
      const workspace = await this.workspaces.create({ ...settings, name: settings.name.trim(), timezone }, transaction);
      await this.memberships.add({ workspaceId: workspace.id, userId: ownerUserId, role: 'owner' }, transaction);
      return workspace;
    };
    return manager === undefined ? this.dataSource.transaction(run) : run(manager);
  }
}
