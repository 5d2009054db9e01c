import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ApiError } from '../../http/api-error.js';
import { createToken } from '../../security/index.js';
import { MembershipRepository, type WorkspaceOfUser } from '../../workspaces/members/membership.repository.js';
import { SessionRepository } from './session.repository.js';
import { SESSION_LIFETIME_MS } from './session-settings.js';

export interface StartedSession {
  /** The opaque session token: the cookie value, or `Authorization: Bearer <token>`. */
  readonly token: string;
  readonly expiresAt: Date;
  readonly workspaces: WorkspaceOfUser[];
  readonly currentWorkspaceId: string | null;
}

/** Opens sessions: mints the token, stores its hash, picks the workspace the session starts in. */
@Injectable()
export class SessionIssuer {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly memberships: MembershipRepository,
  ) {}

  /**
   * Starts a session for `userId`, in `workspaceId` when given (404 unless a member), else in
   * the workspace the user's last session used, else in their oldest membership.
   */
  async start({ userId, workspaceId }: { userId: string; workspaceId?: string | undefined }, manager?: EntityManager): Promise<StartedSession> {
    const workspaces = await this.memberships.listWorkspacesOfUser(userId, manager);
    let currentWorkspaceId: string | null;
    if (workspaceId !== undefined) {
      if (!workspaces.some((workspace) => workspace.id === workspaceId)) throw workspaceNotFound();
      currentWorkspaceId = workspaceId;
    } else {
      const lastUsed = await this.sessions.findLastUsedWorkspace(userId);
      currentWorkspaceId = workspaces.find((workspace) => workspace.id === lastUsed)?.id ?? workspaces[0]?.id ?? null;
    }
    const { token, hash } = createToken();
    const now = new Date();
    const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
    await this.sessions.create({ userId, tokenHash: hash, expiresAt, currentWorkspaceId, now }, manager);
    return { token, expiresAt, workspaces, currentWorkspaceId };
  }
}

/** The one answer for "no such workspace" and "not your workspace": existence is not revealed. */
export function workspaceNotFound(): ApiError {
  return new ApiError({ status: 404, code: 'workspace_not_found', message: 'No such workspace among yours.' });
}
