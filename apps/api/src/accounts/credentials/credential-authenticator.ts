import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { Authenticator } from '../../auth/authenticator.js';
import type { RequestPrincipal } from '../../auth/request-principal.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import type { ApiKey } from '../../database/entities/index.js';
import { ApiError } from '../../http/api-error.js';
import { hashToken, isWellFormedToken, parseApiKey, verifyApiKey, type Role } from '../../security/index.js';
import { ApiKeyRepository } from '../../workspaces/api-keys/api-key.repository.js';
import { MembershipRepository } from '../../workspaces/members/membership.repository.js';
import { isUuid } from '../../workspaces/shared/uuid.js';
import { isSecureRequest, writeSessionCookie } from '../sessions/session-cookie.js';
import { workspaceNotFound } from '../sessions/session-issuer.js';
import { SessionRepository } from '../sessions/session.repository.js';
import { API_KEY_TOUCH_INTERVAL_MS, SESSION_LIFETIME_MS, SESSION_TOUCH_INTERVAL_MS } from '../sessions/session-settings.js';
import { readCredential, readWorkspaceHeader, type Credential } from './read-credential.js';

/** A person signed in through a session (cookie or bearer token). */
export interface SignedInUser {
  readonly userId: string;
  readonly sessionId: string;
  /** The workspace the session last worked in (may no longer be one of the user's). */
  readonly currentWorkspaceId: string | null;
  /** The user's role there, read with the session (null: not a member any more); undefined when not read. */
  readonly currentRole?: Role | null;
}

/** Who a request is, before any workspace is chosen. */
export type Identity = { readonly kind: 'user'; readonly user: SignedInUser } | { readonly kind: 'api_key'; readonly apiKey: ApiKey };

/**
 * The Authenticator behind the global AuthGuard: session cookie, session bearer token or
 * workspace API key (`Authorization: Bearer jrn_…` or `X-Api-Key`), then the workspace the
 * request acts in:
 * - `X-Workspace-Id` when sent: a workspace of the person (404 otherwise, the same answer as
 *   for a workspace that does not exist), or the API key's own workspace;
 * - else the session's current workspace (the last one it used), else the oldest membership.
 * Nothing is cached: a revoked key or session, or a removed membership, is refused at once.
 */
@Injectable()
export class CredentialAuthenticator extends Authenticator {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly apiKeys: ApiKeyRepository,
    private readonly memberships: MembershipRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async authenticate(request: Request): Promise<RequestPrincipal | null> {
    const identity = await this.identify(request);
    if (identity === null) return null;
    const requested = requestedWorkspace(request);
    if (identity.kind === 'api_key') {
      const { apiKey } = identity;
      if (requested !== undefined && requested !== apiKey.workspaceId) throw workspaceNotFound();
      return { apiKeyId: apiKey.id, workspaceId: apiKey.workspaceId, role: apiKey.role };
    }
    const workspace = await this.resolveWorkspace(identity.user, requested);
    if (workspace === null) {
      throw new ApiError({
        status: 403,
        code: 'no_workspace',
        message: 'You are not a member of any workspace yet: create one (POST /api/workspaces) or accept an invitation.',
      });
    }
    return { userId: identity.user.userId, workspaceId: workspace.id, role: workspace.role };
  }

  /** Who the request is (session or API key), or null without valid credentials. */
  async identify(request: Request): Promise<Identity | null> {
    const credential = readCredential(request.headers);
    if (credential === null || credential.kind === 'malformed') return null;
    if (credential.kind === 'api_key') {
      const apiKey = await this.findApiKey(credential.key);
      return apiKey === null ? null : { kind: 'api_key', apiKey };
    }
    const user = await this.findSession(credential, request);
    return user === null ? null : { kind: 'user', user };
  }

  /**
   * The workspace a signed-in person acts in, with their role: `requested` (404 unless theirs),
   * else the session's current one, else their oldest; null when they belong to none. The
   * choice is remembered on the session, so the next request without the header stays there.
   */
  async resolveWorkspace(user: SignedInUser, requested: string | undefined): Promise<{ id: string; role: Role } | null> {
    const knownRole = user.currentRole !== undefined && user.currentWorkspaceId !== null ? user.currentRole : undefined;
    if (requested !== undefined) {
      const role = requested === user.currentWorkspaceId && knownRole !== undefined ? knownRole : await this.memberships.findRole(requested, user.userId);
      if (role === null) throw workspaceNotFound();
      if (user.currentWorkspaceId !== requested) await this.sessions.setCurrentWorkspace(user.sessionId, requested);
      return { id: requested, role };
    }
    if (user.currentWorkspaceId !== null) {
      const role = knownRole !== undefined ? knownRole : await this.memberships.findRole(user.currentWorkspaceId, user.userId);
      if (role !== null) return { id: user.currentWorkspaceId, role };
    }
    const [oldest] = await this.memberships.listWorkspacesOfUser(user.userId);
    if (oldest === undefined) return null;
    await this.sessions.setCurrentWorkspace(user.sessionId, oldest.id);
    return { id: oldest.id, role: oldest.role };
  }

  private async findApiKey(presented: string): Promise<ApiKey | null> {
    if (parseApiKey(presented) === null) return null;
    const apiKey = await this.apiKeys.findActiveByHash(hashToken(presented));
    // The lookup already matched the hash; verifyApiKey re-checks it in constant time.
    if (apiKey === null || !verifyApiKey(presented, apiKey.keyHash)) return null;
    await this.apiKeys.touch(apiKey.id, new Date(), API_KEY_TOUCH_INTERVAL_MS);
    return apiKey;
  }

  private async findSession(credential: Extract<Credential, { kind: 'session' }>, request: Request): Promise<SignedInUser | null> {
    if (!isWellFormedToken(credential.token)) return null;
    const now = new Date();
    const session = await this.sessions.findActive(hashToken(credential.token), now);
    if (session === null) return null;
    if (session.lastUsedAt === null || now.getTime() - session.lastUsedAt.getTime() >= SESSION_TOUCH_INTERVAL_MS) {
      // Sliding expiry, written at most every few minutes; the browser's cookie slides with it.
      await this.sessions.touch(session.id, now, new Date(now.getTime() + SESSION_LIFETIME_MS));
      if (credential.source === 'cookie' && request.res !== undefined) {
        writeSessionCookie(request.res, credential.token, isSecureRequest(request, this.config.production));
      }
    }
    return { userId: session.userId, sessionId: session.id, currentWorkspaceId: session.currentWorkspaceId, currentRole: session.currentRole };
  }
}

/** `X-Workspace-Id`, checked for shape (400 naming the header) before it reaches a query. */
export function requestedWorkspace(request: Request): string | undefined {
  const value = readWorkspaceHeader(request.headers);
  if (value === undefined) return undefined;
  if (!isUuid(value)) {
    throw new ApiError({
      status: 400,
      code: 'validation_failed',
      message: 'Invalid request: X-Workspace-Id must be a workspace id (a UUID).',
      details: [{ field: 'X-Workspace-Id', message: 'X-Workspace-Id must be a UUID' }],
    });
  }
  return value.toLowerCase();
}
