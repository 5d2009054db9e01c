import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type QueryDeepPartialEntity } from 'typeorm';
import { Workspace, type BusinessHours } from '../../database/entities/index.js';
import { createWorkspaceSlug } from './workspace-slug.js';

export interface NewWorkspace {
  readonly name: string;
  readonly timezone?: string;
  readonly locale?: string;
  readonly currency?: string;
  readonly country?: string | null;
}

export interface WorkspaceSettingsPatch {
  readonly name?: string;
  readonly timezone?: string;
  readonly locale?: string;
  readonly currency?: string;
  readonly country?: string | null;
  readonly businessHours?: BusinessHours | null;
}

/** Attempts at a fresh random slug before giving up (a collision is already a 1 in 10^9 event). */
const SLUG_ATTEMPTS = 5;

/** Workspaces (the tenants themselves, so looked up by their own id). */
@Injectable()
export class WorkspaceRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<Workspace | null> {
    return manager.findOne(Workspace, { where: { id } });
  }

  /**
   * Inserts a workspace under a fresh unique slug. `ON CONFLICT DO NOTHING` rather than
   * catching the violation: inside a transaction a failed INSERT would abort the transaction.
   */
  async create(input: NewWorkspace, manager: EntityManager = this.dataSource.manager): Promise<Workspace> {
    for (let attempt = 0; attempt < SLUG_ATTEMPTS; attempt += 1) {
      const result = await manager
        .createQueryBuilder()
        .insert()
        .into(Workspace)
        .values({
          name: input.name,
          slug: createWorkspaceSlug(input.name),
          ...(input.timezone === undefined ? {} : { timezone: input.timezone }),
          ...(input.locale === undefined ? {} : { locale: input.locale }),
          ...(input.currency === undefined ? {} : { currency: input.currency }),
          ...(input.country === undefined ? {} : { country: input.country }),
        })
        .orIgnore()
        .returning(['id'])
        .execute();
      const id = (result.raw as { id?: string }[])[0]?.id;
      if (id !== undefined) return manager.findOneOrFail(Workspace, { where: { id } });
    }
    throw new Error(`Could not find a free slug for workspace "${input.name}"`);
  }

  async update(id: string, patch: WorkspaceSettingsPatch, manager: EntityManager = this.dataSource.manager): Promise<Workspace | null> {
    const changes = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    if (Object.keys(changes).length > 0) await manager.update(Workspace, { id }, changes as QueryDeepPartialEntity<Workspace>);
    return this.findById(id, manager);
  }

  /** The oldest workspace nobody belongs to (the demo workspace seeded before the first sign-up). */
  findOldestWithoutMembers(manager: EntityManager): Promise<Workspace | null> {
    return manager
      .createQueryBuilder(Workspace, 'workspace')
      .where('NOT EXISTS (SELECT 1 FROM memberships membership WHERE membership.workspace_id = workspace.id)')
      .orderBy('workspace.createdAt', 'ASC')
      .addOrderBy('workspace.id', 'ASC')
      .getOne();
  }
}
