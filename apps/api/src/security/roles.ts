/**
 * Workspace roles and what each may do, as data: reviewing who can do what means reading one
 * table, and adding an action means adding one word to it.
 */

/** Every role a workspace member can have, most powerful first. */
export const ROLES = Object.freeze(['owner', 'admin', 'editor', 'agent'] as const);
export type Role = (typeof ROLES)[number];

/** Every action a permission check can ask about. */
export const ACTIONS = Object.freeze([
  'workspace.manage',
  'members.manage',
  'api_keys.manage',
  'flows.read',
  'flows.write',
  'flows.publish',
  'templates.read',
  'templates.write',
  'contacts.read',
  'contacts.write',
  'conversations.read',
  'conversations.reply',
  'queues.read',
] as const);
export type Action = (typeof ACTIONS)[number];

/**
 * The permission matrix. Owners and admins may do everything; editors build journeys (flows,
 * message templates) and curate contacts; agents work the inbox and may look contacts up.
 * What separates owners from admins is who may grant, change or remove ownership (below).
 * Frozen, like the lists above, so no code path can widen a role at runtime.
 */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Action[]>> = Object.freeze({
  owner: ACTIONS,
  admin: ACTIONS,
  editor: Object.freeze([
    'flows.read',
    'flows.write',
    'flows.publish',
    'templates.read',
    'templates.write',
    'contacts.read',
    'contacts.write',
  ] as const),
  agent: Object.freeze(['conversations.read', 'conversations.reply', 'contacts.read'] as const),
});

/** Higher outranks lower. Use it to sort or compare roles, never to grant permissions. */
export const ROLE_RANK: Readonly<Record<Role, number>> = Object.freeze({ owner: 3, admin: 2, editor: 1, agent: 0 });

/** Whether a value read from the database or a request is one of the roles. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * Whether `role` may perform `action`. Unknown roles or actions (a stale row, a typo reaching
 * runtime) are denied rather than thrown on.
 */
export function can(role: Role, action: Action): boolean {
  return isRole(role) && ROLE_PERMISSIONS[role].includes(action);
}

/**
 * Whether `actorRole` may give someone the role `targetRole` (an invitation or a new member):
 * the actor must manage members and may not hand out more power than they hold; only an
 * owner may make an owner.
 */
export function canAssignRole(actorRole: Role, targetRole: Role): boolean {
  if (!isRole(targetRole) || !can(actorRole, 'members.manage')) return false;
  if (targetRole === 'owner') return actorRole === 'owner';
  return ROLE_RANK[actorRole] >= ROLE_RANK[targetRole];
}

/**
 * Whether `actorRole` may change a member from `currentRole` to `newRole`: the actor must be
 * able to assign the new role and to manage someone of the current one, so nobody but an owner
 * demotes an owner. The caller must still check `hasAnOwner` on the result.
 */
export function canChangeRole(actorRole: Role, currentRole: Role, newRole: Role): boolean {
  return canManageMemberWithRole(actorRole, currentRole) && canAssignRole(actorRole, newRole);
}

/**
 * Whether `actorRole` may remove a member who has `memberRole`. Only an owner removes an owner.
 * The caller must still check `hasAnOwner` on the result.
 */
export function canRemoveMember(actorRole: Role, memberRole: Role): boolean {
  return canManageMemberWithRole(actorRole, memberRole);
}

/**
 * Whether a workspace whose members would have `roles` still has an owner. Call it with the
 * roles as they would be after a role change or removal, and refuse the change if it is false.
 * Run it in the same transaction as the change, with the member rows locked: two owners
 * demoting each other concurrently must not both succeed.
 */
export function hasAnOwner(roles: readonly Role[]): boolean {
  return roles.includes('owner');
}

function canManageMemberWithRole(actorRole: Role, memberRole: Role): boolean {
  if (!isRole(memberRole) || !can(actorRole, 'members.manage')) return false;
  if (memberRole === 'owner') return actorRole === 'owner';
  return ROLE_RANK[actorRole] >= ROLE_RANK[memberRole];
}
