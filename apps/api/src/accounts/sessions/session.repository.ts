import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, Not, type EntityManager } from 'typeorm';
import { AuthSession } from '../../database/entities/index.js';
import { StatementCoalescer } from '../../runtime/concurrency/statement-coalescer.js';
import type { Role } from '../../security/roles.js';

/** A live session, and the user's role in its current workspace (null: none, or no longer a member). */
export interface ActiveSession {
  readonly id: string;
  readonly userId: string;
  readonly lastUsedAt: Date | null;
  readonly currentWorkspaceId: string | null;
  readonly currentRole: Role | null;
}

/** A row of the session look-up (exported for the repository's tests). */
export interface ActiveSessionRow {
  token_hash: string;
  expires_at: Date;
  id: string;
  user_id: string;
  last_used_at: Date | null;
  current_workspace_id: string | null;
  current_role: Role | null;
}

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

  /**
   * The session of this token hash if it is neither revoked nor expired at `now`, with the
   * user's role in the session's current workspace (null when no longer a member) read in the
   * same statement: a request that stays in its workspace costs one round trip to authenticate.
   * Requests authenticating at the same time share that statement (StatementCoalescer): under
   * load, a fraction of a round trip each.
   */
  findActive(tokenHash: string, now: Date): Promise<ActiveSession | null> {
    return this.lookups.submit({ tokenHash, now });
  }

  private readonly lookups = new StatementCoalescer<{ tokenHash: string; now: Date }, ActiveSession | null>(async (items) => {
    // Read as of the earliest `now`; each caller then applies its own.
    const earliest = new Date(Math.min(...items.map((item) => item.now.getTime())));
    const rows = await this.dataSource.query<ActiveSessionRow[]>(
      `SELECT s.token_hash, s.expires_at, s.id, s.user_id, s.last_used_at, s.current_workspace_id, m.role AS current_role
         FROM auth_sessions s
         LEFT JOIN memberships m ON m.workspace_id = s.current_workspace_id AND m.user_id = s.user_id
        WHERE s.token_hash = ANY($1::text[]) AND s.revoked_at IS NULL AND s.expires_at > $2`,
      [[...new Set(items.map((item) => item.tokenHash))], earliest],
    );
    const byHash = new Map(rows.map((row) => [row.token_hash, row]));
    return items.map(({ tokenHash, now }) => {
      const row = byHash.get(tokenHash);
      if (row === undefined || row.expires_at.getTime() <= now.getTime()) return null;
      return { id: row.id, userId: row.user_id, lastUsedAt: row.last_used_at, currentWorkspaceId: row.current_workspace_id, currentRole: row.current_role };
    });
  });

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
