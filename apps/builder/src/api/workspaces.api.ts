import type { HttpClient } from './http-client.js';
import type {
  ApiKey,
  ApiKeyRole,
  CreatedApiKey,
  CreatedInvitation,
  CreateWorkspaceRequest,
  Invitation,
  Member,
  MyWorkspace,
  Role,
  UpdateWorkspaceRequest,
  Workspace,
} from './types.js';

/** Workspaces, the current one's settings, members, invitations and API keys. */
export function workspacesApi(http: HttpClient) {
  return {
    listMine: async () => (await http.request<{ workspaces: MyWorkspace[] }>({ path: '/workspaces', workspace: false })).workspaces,
    create: (body: CreateWorkspaceRequest) => http.request<Workspace & { role: Role }>({ method: 'POST', path: '/workspaces', body, workspace: false }),
    current: () => http.request<Workspace>({ path: '/workspace' }),
    update: (body: UpdateWorkspaceRequest) => http.request<Workspace>({ method: 'PATCH', path: '/workspace', body }),

    members: async () => (await http.request<{ members: Member[] }>({ path: '/members' })).members,
    changeRole: (memberId: string, role: Role) =>
      http.request<Member>({ method: 'PATCH', path: `/members/${encodeURIComponent(memberId)}`, body: { role } }),
    removeMember: (memberId: string) => http.request<undefined>({ method: 'DELETE', path: `/members/${encodeURIComponent(memberId)}` }),

    invitations: async () => (await http.request<{ invitations: Invitation[] }>({ path: '/invitations' })).invitations,
    invite: (body: { email: string; role: Role }) => http.request<CreatedInvitation>({ method: 'POST', path: '/invitations', body }),
    revokeInvitation: (id: string) => http.request<undefined>({ method: 'DELETE', path: `/invitations/${encodeURIComponent(id)}` }),

    apiKeys: async () => (await http.request<{ apiKeys: ApiKey[] }>({ path: '/api-keys' })).apiKeys,
    createApiKey: (body: { name: string; role: ApiKeyRole }) => http.request<CreatedApiKey>({ method: 'POST', path: '/api-keys', body }),
    revokeApiKey: (id: string) => http.request<undefined>({ method: 'DELETE', path: `/api-keys/${encodeURIComponent(id)}` }),
  };
}
