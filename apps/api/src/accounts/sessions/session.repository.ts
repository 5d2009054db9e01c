import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, MoreThan, Not, type EntityManager } from 'typeorm';
import { AuthSession } from '../../database/entities/index.js';

/** Signed-in sessions, found by the SHA-256 of their token (the token itself is never stored). */
@Injectable()
export class SessionRepository {
  constructor(private readonly dataSource: DataSource) {}

  create(
    input: { userId: string; tokenHash: string; expiresAt: Date; currentWorkspaceId: string | null; now: Date },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<AuthSession> {
    const { now, ...fields } = input;
    return manager.save(manager.create(AuthSession, { ...fields, lastUsedAt: now, revokedAt: null }));
  }

  /** The session of this token hash if it is neither revoked nor expired at `now`. */
  findActive(tokenHash: string, now: Date): Promise<AuthSession | null> {
    return this.dataSource.manager.findOne(AuthSession, { where: { tokenHash, revokedAt: IsNull(), expiresAt: MoreThan(now) } });
  }

  /** Slides the expiry: records the use and pushes `expires_at` out. */
  async touch(id: string, now: Date, expiresAt: Date): Promise<void> {
    await this.dataSource.manager.update(AuthSession, { id, revokedAt: IsNull() }, { lastUsedAt: now, expiresAt });
  }

  async setCurrentWorkspace(id: string, workspaceId: string): Promise<void> {
    await this.dataSource.manager.update(AuthSession, { id }, { currentWorkspaceId: workspaceId });
  }

  /** The workspace the user's most recently used session worked in: where a new session starts. */
  async findLastUsedWorkspace(userId: string): Promise<string | null> {
    const session = await this.dataSource.manager.findOne(AuthSession, {
      where: { userId, currentWorkspaceId: Not(IsNull()) },
      order: { lastUsedAt: { direction: 'DESC', nulls: 'LAST' }, createdAt: 'DESC' },
      select: { id: true, currentWorkspaceId: true },
    });
    return session?.currentWorkspaceId ?? null;
  }

  async revoke(tokenHash: string, now: Date): Promise<void> {
    await this.dataSource.manager.update(AuthSession, { tokenHash, revokedAt: IsNull() }, { revokedAt: now });
  }
}
