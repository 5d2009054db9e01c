// Members: who may change or remove whom (security/roles.ts), and the last owner stays.
import { createTestApp, type TestApp } from '../support/create-test-app.js';
import { AccountKit, call, type Person } from '../accounts/account-kit.js';

describe('members', () => {
  let api: TestApp;
  let kit: AccountKit;

  beforeAll(async () => {
    api = await createTestApp();
    kit = await AccountKit.create(api.database.dataSource);
  });
  afterAll(() => api.close());

  async function team(): Promise<{ workspaceId: string; owner: Person; admin: Person; editor: Person; agent: Person }> {
    const workspaceId = await kit.workspace();
    return {
      workspaceId,
      owner: await kit.person(workspaceId, 'owner'),
      admin: await kit.person(workspaceId, 'admin'),
      editor: await kit.person(workspaceId, 'editor'),
      agent: await kit.person(workspaceId, 'agent'),
    };
  }

  const setRole = (actor: Person, member: Person, role: string): ReturnType<typeof call> =>
    call(api, 'PATCH', `/api/members/${member.memberId}`, { token: actor.token, body: { role } });

  it('lists members with email, name and role, to any member', async () => {
    const { owner, agent } = await team();
    const response = await call(api, 'GET', '/api/members', { token: agent.token });
    expect(response.status).toBe(200);
    expect(response.body.members).toHaveLength(4);
    expect(response.body.members[0]).toEqual({ id: owner.memberId, userId: owner.userId, email: owner.email, name: expect.any(String), role: 'owner', joinedAt: expect.any(String) });
  });

  it('lets owners and admins change roles, within their own rank', async () => {
    const { owner, admin, editor, agent } = await team();
    expect((await setRole(admin, agent, 'editor')).body).toMatchObject({ id: agent.memberId, role: 'editor' });
    expect((await setRole(owner, editor, 'admin')).body).toMatchObject({ role: 'admin' });
  });

  it('keeps editors and agents from managing members (403)', async () => {
    const { editor, agent } = await team();
    const byEditor = await setRole(editor, agent, 'editor');
    expect(byEditor.status).toBe(403);
    expect(byEditor.body.error.message).toBe('Your role (editor) does not allow members.manage.');
    expect((await call(api, 'DELETE', `/api/members/${agent.memberId}`, { token: editor.token })).status).toBe(403);
  });

  it('keeps admins from making or unmaking owners (403)', async () => {
    const { owner, admin, editor } = await team();
    const promote = await setRole(admin, editor, 'owner');
    expect(promote.status).toBe(403);
    expect(promote.body.error.message).toMatch(/Only an owner/);
    expect((await setRole(admin, owner, 'admin')).status).toBe(403);
    expect((await call(api, 'DELETE', `/api/members/${owner.memberId}`, { token: admin.token })).status).toBe(403);
  });

  it('never demotes or removes the last owner (409), but an owner can hand over first', async () => {
    const { owner, admin } = await team();
    const demote = await setRole(owner, owner, 'admin');
    expect(demote.status).toBe(409);
    expect(demote.body.error.code).toBe('last_owner');
    const leave = await call(api, 'DELETE', `/api/members/${owner.memberId}`, { token: owner.token });
    expect(leave.status).toBe(409);
    expect((await setRole(owner, admin, 'owner')).status).toBe(200);
    expect((await setRole(owner, owner, 'admin')).status).toBe(200);
    // The former owner is an admin now, and cannot demote the new owner.
    expect((await setRole(owner, admin, 'admin')).status).toBe(403);
  });

  it('lets two owners demote each other at the same time only once', async () => {
    const workspaceId = await kit.workspace();
    const first = await kit.person(workspaceId, 'owner');
    const second = await kit.person(workspaceId, 'owner');
    const results = await Promise.all([setRole(first, second, 'admin'), setRole(second, first, 'admin')]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 403]);
    const owners = await api.database.dataSource.query(`SELECT count(*)::int AS n FROM memberships WHERE workspace_id = $1 AND role = 'owner'`, [workspaceId]);
    expect(owners).toEqual([{ n: 1 }]);
  });

  it('removes a member, who then gets 404 for the workspace; anyone may leave', async () => {
    const { workspaceId, admin, editor, agent } = await team();
    expect((await call(api, 'DELETE', `/api/members/${editor.memberId}`, { token: admin.token })).status).toBe(204);
    const gone = await call(api, 'GET', '/api/workspace', { token: editor.token, workspaceId });
    expect(gone.status).toBe(404);
    expect((await call(api, 'DELETE', `/api/members/${agent.memberId}`, { token: agent.token })).status).toBe(204);
    expect((await call(api, 'DELETE', `/api/members/${agent.memberId}`, { token: admin.token })).status).toBe(404);
  });

  it('refuses bad ids and roles with 400 naming them', async () => {
    const { owner, agent } = await team();
    const badId = await call(api, 'PATCH', '/api/members/42', { token: owner.token, body: { role: 'agent' } });
    expect(badId.status).toBe(400);
    expect(badId.body.error.details).toEqual([{ field: 'memberId', message: 'memberId must be a UUID' }]);
    const badRole = await setRole(owner, agent, 'root');
    expect(badRole.status).toBe(400);
    expect(badRole.body.error.details[0].field).toBe('role');
  });
});
