import type { Role } from '../api/types.js';

/**
 * What each role may do in the builder: the server's permission matrix (apps/api
 * security/roles.ts), for the actions the builder shows or hides. The server still decides;
 * this only keeps people from seeing buttons that would answer 403.
 */
export type BuilderAction = 'workspace.manage' | 'members.manage' | 'api_keys.manage' | 'flows.read' | 'flows.write' | 'flows.publish';

const PERMISSIONS: Readonly<Record<Role, readonly BuilderAction[]>> = {
  owner: ['workspace.manage', 'members.manage', 'api_keys.manage', 'flows.read', 'flows.write', 'flows.publish'],
  admin: ['workspace.manage', 'members.manage', 'api_keys.manage', 'flows.read', 'flows.write', 'flows.publish'],
  editor: ['flows.read', 'flows.write', 'flows.publish'],
  agent: [],
};

export function can(role: Role, action: BuilderAction): boolean {
  return PERMISSIONS[role].includes(action);
}

const RANK: Readonly<Record<Role, number>> = { owner: 3, admin: 2, editor: 1, agent: 0 };

/** Roles `actor` may give (invite, change to): never above their own; only owners make owners. */
export function assignableRoles(actor: Role): Role[] {
  if (!can(actor, 'members.manage')) return [];
  return (['owner', 'admin', 'editor', 'agent'] as const).filter((role) => (role === 'owner' ? actor === 'owner' : RANK[actor] >= RANK[role]));
}

/** Whether `actor` may change or remove a member who has `memberRole`. */
export function canManageMember(actor: Role, memberRole: Role): boolean {
  if (!can(actor, 'members.manage')) return false;
  return memberRole === 'owner' ? actor === 'owner' : RANK[actor] >= RANK[memberRole];
}
