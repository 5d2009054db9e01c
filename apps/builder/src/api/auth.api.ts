import type { HttpClient } from './http-client.js';
import type { AcceptInvitationRequest, AcceptedInvitation, Account, Session, SetupRequest, SetupStatus } from './types.js';

/** Sign-in and account: /api/auth/*, /api/invitations/accept. None acts in a workspace. */
export function authApi(http: HttpClient) {
  return {
    setupStatus: () => http.request<SetupStatus>({ path: '/auth/setup', workspace: false }),
    setup: (body: SetupRequest) => http.request<Session>({ method: 'POST', path: '/auth/setup', body, workspace: false }),
    login: (body: { email: string; password: string; workspaceId?: string }) =>
      http.request<Session>({ method: 'POST', path: '/auth/login', body, workspace: false }),
    logout: () => http.request<undefined>({ method: 'POST', path: '/auth/logout', workspace: false }),
    /**
     * Who is signed in (401 when nobody). With `workspaceId`, that workspace becomes the
     * session's current one (404 when it is not one of theirs).
     */
    me: (workspaceId?: string) => http.request<Account>({ path: '/auth/me', workspace: workspaceId ?? false }),
    acceptInvitation: (body: AcceptInvitationRequest) =>
      http.request<AcceptedInvitation>({ method: 'POST', path: '/invitations/accept', body, workspace: false }),
  };
}
