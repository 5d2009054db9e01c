import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Invitation, User } from '../../database/entities/index.js';
import { ApiError, type ErrorDetail } from '../../http/api-error.js';
import { hashPassword, hashToken, isWellFormedToken } from '../../security/index.js';
import { InvitationRepository, invitationStatus } from '../../workspaces/invitations/invitation.repository.js';
import { MembershipRepository, type WorkspaceOfUser } from '../../workspaces/members/membership.repository.js';
import { isUniqueViolation } from '../../workspaces/shared/unique-violation.js';
import { WorkspaceRepository } from '../../workspaces/workspace/workspace.repository.js';
import { SessionIssuer, type StartedSession } from '../sessions/session-issuer.js';
import { USER_EMAIL_UNIQUE_INDEX, UserRepository } from '../users/user.repository.js';

export interface AcceptInvitationCommand {
  readonly token: string;
  /** Set when a signed-in person accepts: the invitation must be addressed to their email. */
  readonly signedInUserId?: string | undefined;
  /** For a new account (no one signed in): both required. */
  readonly name?: string | undefined;
  readonly password?: string | undefined;
}

export interface AcceptedInvitation {
  readonly user: User;
  readonly workspace: WorkspaceOfUser;
  /** A session for the account the invitation just created; none for a signed-in person. */
  readonly session: StartedSession | null;
}

const MEMBERSHIP_UNIQUE_INDEX = 'uq_memberships_workspace_id_user_id';

/** Who joins: a signed-in person, or a new account the invitation creates. */
type Joiner = { readonly kind: 'existing'; readonly userId: string } | { readonly kind: 'new'; readonly name: string; readonly passwordHash: string };

/**
 * Accepts an invitation link. A signed-in person whose email it is joins the workspace; with
 * no one signed in, the invitation creates the account (name + password) and signs it in. An
 * email that already has an account must sign in first (409), so an invitation never becomes
 * a way to reach an existing account. The invitation row is locked while it is used: one link,
 * one membership.
 */
@Injectable()
export class AcceptInvitationUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly invitations: InvitationRepository,
    private readonly memberships: MembershipRepository,
    private readonly workspaces: WorkspaceRepository,
    private readonly users: UserRepository,
    private readonly sessions: SessionIssuer,
  ) {}

  async execute(command: AcceptInvitationCommand): Promise<AcceptedInvitation> {
    if (!isWellFormedToken(command.token)) throw invitationNotFound();
    const tokenHash = hashToken(command.token);
    const preview = usable(await this.invitations.findByTokenHash(tokenHash));
    // Checks and the password hash (~100 ms) before the transaction; the locked re-read decides.
    const joiner: Joiner =
      command.signedInUserId === undefined
        ? { kind: 'new', ...(await this.prepareNewAccount(preview, command)) }
        : { kind: 'existing', userId: await this.checkAddressee(preview, command.signedInUserId) };

    let joined: { user: User; invitation: Invitation };
    try {
      joined = await this.dataSource.transaction(async (manager) => {
        const invitation = usable(await this.invitations.findByTokenHashForUpdate(tokenHash, manager));
        const user =
          joiner.kind === 'existing'
            ? await this.users.findById(joiner.userId, manager)
            : await this.users.create({ email: invitation.email, name: joiner.name, passwordHash: joiner.passwordHash }, manager);
        if (user === null) throw invitationNotFound();
        if ((await this.memberships.findRole(invitation.workspaceId, user.id, manager)) !== null) throw alreadyMember();
        await this.memberships.add({ workspaceId: invitation.workspaceId, userId: user.id, role: invitation.role }, manager);
        await this.invitations.markAccepted(invitation.id, new Date(), manager);
        return { user, invitation };
      });
    } catch (error) {
      if (isUniqueViolation(error, USER_EMAIL_UNIQUE_INDEX)) throw signInFirst(preview.email);
      if (isUniqueViolation(error, MEMBERSHIP_UNIQUE_INDEX)) throw alreadyMember();
      throw error;
    }

    const { user, invitation } = joined;
    const workspace = await this.workspaces.findById(invitation.workspaceId);
    if (workspace === null) throw invitationNotFound();
    const session = joiner.kind === 'new' ? await this.sessions.start({ userId: user.id, workspaceId: workspace.id }) : null;
    return { user, workspace: { id: workspace.id, name: workspace.name, role: invitation.role }, session };
  }

  private async prepareNewAccount(invitation: Invitation, command: AcceptInvitationCommand): Promise<{ name: string; passwordHash: string }> {
    if ((await this.users.findByEmail(invitation.email)) !== null) throw signInFirst(invitation.email);
    const missing: ErrorDetail[] = [];
    if (command.name === undefined) missing.push({ field: 'name', message: 'name is required to create your account' });
    if (command.password === undefined) missing.push({ field: 'password', message: 'password is required to create your account' });
    if (command.name === undefined || command.password === undefined) {
      throw new ApiError({
        status: 400,
        code: 'validation_failed',
        message: `Invalid request: this invitation creates your account, so ${missing.map((detail) => detail.field).join(' and ')} ${missing.length === 1 ? 'is' : 'are'} required.`,
        details: missing,
      });
    }
    return { name: command.name, passwordHash: await hashPassword(command.password) };
  }

  /** The signed-in person's id, if the invitation is addressed to their email. */
  private async checkAddressee(invitation: Invitation, userId: string): Promise<string> {
    const user = await this.users.findById(userId);
    if (user === null || user.email.toLowerCase() !== invitation.email.toLowerCase()) {
      throw new ApiError({
        status: 403,
        code: 'invitation_email_mismatch',
        message: `This invitation is for ${invitation.email}; you are signed in as ${user?.email ?? 'someone else'}. Sign out, or sign in as ${invitation.email}.`,
      });
    }
    return user.id;
  }
}

/** The invitation, if its link still works; otherwise the answer that says why not. */
function usable(invitation: Invitation | null): Invitation {
  if (invitation === null) throw invitationNotFound();
  switch (invitationStatus(invitation, new Date())) {
    case 'pending':
      return invitation;
    case 'accepted':
      throw new ApiError({ status: 409, code: 'invitation_used', message: 'This invitation has already been accepted. Sign in instead.' });
    case 'revoked':
      throw new ApiError({ status: 410, code: 'invitation_revoked', message: 'This invitation was revoked. Ask the workspace admin for a new one.' });
    case 'expired':
      throw new ApiError({ status: 410, code: 'invitation_expired', message: 'This invitation has expired. Ask the workspace admin for a new one.' });
  }
}

function invitationNotFound(): ApiError {
  return new ApiError({ status: 404, code: 'invitation_not_found', message: 'This invitation link is not valid. Check that it was copied whole.' });
}

function alreadyMember(): ApiError {
  return new ApiError({ status: 409, code: 'already_member', message: 'You are already a member of this workspace.' });
}

function signInFirst(email: string): ApiError {
  return new ApiError({
    status: 409,
    code: 'sign_in_to_accept',
    message: `An account for ${email} already exists: sign in, then open the invitation link again.`,
  });
}
