import { ApiError } from '../../http/api-error.js';
import type { Membership } from '../../database/entities/index.js';
import type { RequestPrincipal } from '../../auth/request-principal.js';
import type { Role } from '../../security/roles.js';

/**
 * The caller's role as it stands now, read from the locked membership rows: a role changed or
 * removed since the request was authenticated must not still count. API keys carry their role.
 */
export function currentActorRole(actor: RequestPrincipal, lockedMembers: readonly Membership[]): Role {
  if (actor.userId === undefined) return actor.role;
  const own = lockedMembers.find((member) => member.userId === actor.userId);
  if (own === undefined) throw new ApiError({ status: 403, code: 'forbidden', message: 'You are no longer a member of this workspace.' });
  return own.role;
}

export function forbidden(message: string): ApiError {
  return new ApiError({ status: 403, code: 'forbidden', message });
}

/** 409: the change would leave the workspace without an owner. */
export function lastOwner(action: 'demote' | 'remove'): ApiError {
  return new ApiError({
    status: 409,
    code: 'last_owner',
    message: `A workspace needs at least one owner: make another member owner before you ${action === 'demote' ? 'change the role of' : 'remove'} the last one.`,
  });
}
