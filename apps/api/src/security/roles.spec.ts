import fc from 'fast-check';
import {
  ACTIONS,
  ROLES,
  ROLE_PERMISSIONS,
  ROLE_RANK,
  can,
  canAssignRole,
  canChangeRole,
  canRemoveMember,
  hasAnOwner,
  isRole,
  type Action,
  type Role,
} from './roles.js';

describe('permission matrix', () => {
  it('lets owners and admins do everything', () => {
    for (const action of ACTIONS) {
      expect(can('owner', action)).toBe(true);
      expect(can('admin', action)).toBe(true);
    }
  });

  it('lets editors work on flows, templates and contacts only', () => {
    const allowed = ACTIONS.filter((action: Action) => can('editor', action));
    expect(allowed).toEqual([
      'flows.read',
      'flows.write',
      'flows.publish',
      'templates.read',
      'templates.write',
      'contacts.read',
      'contacts.write',
    ]);
  });

  it('lets agents work conversations and read contacts only', () => {
    expect(ACTIONS.filter((action: Action) => can('agent', action))).toEqual(['contacts.read', 'conversations.read', 'conversations.reply']);
  });

  it('names only known actions in the matrix, and ranks roles in order', () => {
    for (const role of ROLES) for (const action of ROLE_PERMISSIONS[role]) expect(ACTIONS).toContain(action);
    expect([...ROLES].sort((a, b) => ROLE_RANK[b] - ROLE_RANK[a])).toEqual(['owner', 'admin', 'editor', 'agent']);
  });

  it('denies unknown roles and actions, including prototype names', () => {
    for (const role of ['', 'superuser', 'OWNER', '__proto__', 'constructor', 'toString']) {
      expect(can(role as Role, 'flows.read')).toBe(false);
      expect(isRole(role)).toBe(false);
    }
    expect(can('owner', 'flows.delete' as Action)).toBe(false);
    expect(isRole(undefined)).toBe(false);
    fc.assert(fc.property(fc.string(), fc.string(), (role, action) => void can(role as Role, action as Action)));
  });
});

describe('role assignment', () => {
  it('lets only owners make owners', () => {
    expect(canAssignRole('owner', 'owner')).toBe(true);
    expect(canAssignRole('admin', 'owner')).toBe(false);
    expect(canAssignRole('editor', 'owner')).toBe(false);
  });

  it('lets admins assign admin and below, and members without members.manage nothing', () => {
    for (const target of ['admin', 'editor', 'agent'] as const) {
      expect(canAssignRole('owner', target)).toBe(true);
      expect(canAssignRole('admin', target)).toBe(true);
      expect(canAssignRole('editor', target)).toBe(false);
      expect(canAssignRole('agent', target)).toBe(false);
    }
    expect(canAssignRole('owner', 'root' as Role)).toBe(false);
  });

  it('lets nobody but an owner demote or remove an owner', () => {
    expect(canChangeRole('owner', 'owner', 'admin')).toBe(true);
    expect(canRemoveMember('owner', 'owner')).toBe(true);
    for (const actor of ['admin', 'editor', 'agent'] as const) {
      expect(canChangeRole(actor, 'owner', 'agent')).toBe(false);
      expect(canRemoveMember(actor, 'owner')).toBe(false);
    }
  });

  it('lets admins change and remove admins and below, but never promote to owner', () => {
    expect(canChangeRole('admin', 'agent', 'editor')).toBe(true);
    expect(canChangeRole('admin', 'admin', 'agent')).toBe(true);
    expect(canChangeRole('admin', 'editor', 'owner')).toBe(false);
    expect(canRemoveMember('admin', 'admin')).toBe(true);
    expect(canRemoveMember('editor', 'agent')).toBe(false);
  });

  it('never lets anyone grant more than they hold', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ROLES), fc.constantFrom(...ROLES), fc.constantFrom(...ROLES), (actor, from, to) => {
        if (canChangeRole(actor, from, to)) {
          expect(ROLE_RANK[actor]).toBeGreaterThanOrEqual(Math.max(ROLE_RANK[from], ROLE_RANK[to]));
          expect(can(actor, 'members.manage')).toBe(true);
        }
      }),
    );
  });
});

describe('hasAnOwner', () => {
  it('is true while at least one owner remains', () => {
    expect(hasAnOwner(['owner'])).toBe(true);
    expect(hasAnOwner(['admin', 'owner', 'agent'])).toBe(true);
    expect(hasAnOwner(['admin', 'admin'])).toBe(false);
    expect(hasAnOwner([])).toBe(false);
  });
});
