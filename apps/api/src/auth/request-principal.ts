import type { Role } from '../security/roles.js';

/**
 * Who is calling, in which workspace, with which role: what the Authenticator derives from a
 * request (session cookie, bearer token or API key) and the guard attaches to it. Controllers
 * read it with @Principal(); repositories scope every query by `workspaceId`.
 */
export interface RequestPrincipal {
  /** Set when a person is signed in (session cookie or bearer token). */
  readonly userId?: string;
  /** Set when the call is made with a workspace API key. */
  readonly apiKeyId?: string;
  readonly workspaceId: string;
  readonly role: Role;
}

/** Where the guard keeps the principal on the request object. */
export const PRINCIPAL_KEY = 'principal';

export interface RequestWithPrincipal {
  [PRINCIPAL_KEY]?: RequestPrincipal;
}
