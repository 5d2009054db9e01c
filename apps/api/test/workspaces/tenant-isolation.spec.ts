// A member of workspace A gets 404 for everything of workspace B: the workspace itself (through
// X-Workspace-Id), its members, invitations and API keys, and B's keys do not open A.
import { createTestApp, type TestApp } from '../support/create-test-app.js';
import { AccountKit, call, type Person } from '../accounts/account-kit.js';

describe('tenant isolation: accounts and workspaces', () => {
  let api: TestApp;
  let workspaceA: string;
  let workspaceB: string;
  let ownerA: Person;
  let ownerB: Person;
  let memberB: Person;
  let invitationB: string;
  let apiKeyB: { id: string; key: string };

  beforeAll(async () => {
    api = await createTestApp();
    const kit = await AccountKit.create(api.database.dataSource);
    workspaceA = await kit.workspace('A');
    workspaceB = await kit.workspace('B');
    ownerA = await kit.person(workspaceA, 'owner');
    ownerB = await kit.person(workspaceB, 'owner');
    memberB = await kit.person(workspaceB, 'agent');
    invitationB = (await call(api, 'POST', '/api/invitations', { token: ownerB.token, body: { email: 'x@example.com', role: 'agent' } })).body.id as string;
    apiKeyB = (await call(api, 'POST', '/api/api-keys', { token: ownerB.token, body: { name: 'B key', role: 'admin' } })).body as { id: string; key: string };
  });
  afterAll(() => api.close());

  it('answers X-Workspace-Id of a workspace I am not in exactly like one that does not exist', async () => {
    const foreign = await call(api, 'GET', '/api/workspace', { token: ownerA.token, workspaceId: workspaceB });
    const missing = await call(api, 'GET', '/api/workspace', { token: ownerA.token, workspaceId: '00000000-0000-4000-8000-000000000000' });
    expect(foreign.status).toBe(404);
    expect({ ...foreign.body.error, requestId: '' }).toEqual({ ...missing.body.error, requestId: '' });
    for (const path of ['/api/members', '/api/invitations', '/api/api-keys', '/api/auth/me']) {
      expect([path, (await call(api, 'GET', path, { token: ownerA.token, workspaceId: workspaceB })).status]).toEqual([path, 404]);
    }
    expect((await call(api, 'PATCH', '/api/workspace', { token: ownerA.token, workspaceId: workspaceB, body: { name: 'mine' } })).status).toBe(404);
  });

  it('answers 404 for B’s members, invitations and API keys, and changes nothing', async () => {
    const attempts: [string, string, unknown?][] = [
      ['PATCH', `/api/members/${memberB.memberId}`, { role: 'admin' }],
      ['DELETE', `/api/members/${memberB.memberId}`],
      ['DELETE', `/api/invitations/${invitationB}`],
      ['DELETE', `/api/api-keys/${apiKeyB.id}`],
    ];
    for (const [method, path, body] of attempts) {
      const response = await call(api, method, path, { token: ownerA.token, ...(body === undefined ? {} : { body }) });
      expect([method, path, response.status]).toEqual([method, path, 404]);
    }
    expect((await call(api, 'GET', '/api/members', { token: ownerB.token })).body.members).toContainEqual(expect.objectContaining({ id: memberB.memberId, role: 'agent' }));
    expect((await call(api, 'GET', '/api/invitations', { token: ownerB.token })).body.invitations).toHaveLength(1);
    expect((await call(api, 'GET', '/api/workspace', { token: apiKeyB.key })).status).toBe(200);
  });

  it('lists only the caller’s workspace, and B’s key cannot act in A', async () => {
    const members = (await call(api, 'GET', '/api/members', { token: ownerA.token })).body.members as { userId: string }[];
    expect(members.map((member) => member.userId)).toEqual([ownerA.userId]);
    expect((await call(api, 'GET', '/api/api-keys', { token: ownerA.token })).body.apiKeys).toEqual([]);
    expect((await call(api, 'GET', '/api/invitations', { token: ownerA.token })).body.invitations).toEqual([]);
    expect((await call(api, 'GET', '/api/workspaces', { token: ownerA.token })).body.workspaces).toEqual([{ id: workspaceA, name: 'A', role: 'owner' }]);
    expect((await call(api, 'GET', '/api/members', { token: apiKeyB.key, workspaceId: workspaceA })).status).toBe(404);
  });
});
