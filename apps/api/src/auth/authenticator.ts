import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { RequestPrincipal } from './request-principal.js';

/**
 * How a request proves who it is. The global AuthGuard calls it for every route that is not
 * @Public(). Return the principal, or `null` when the request carries no valid credentials
 * (401). Throw an ApiError for anything more specific (e.g. 403 when a user is not a member
 * of the workspace asked for).
 *
 * The auth module replaces the provider of this token with the real one (sessions, bearer
 * tokens, API keys). Tests override it with a fake:
 * `createTestApp({ authenticator: { authenticate: async () => principal } })`.
 */
export abstract class Authenticator {
  abstract authenticate(request: Request): Promise<RequestPrincipal | null>;
}

/** Until sign-in exists: nobody is authenticated, so every non-public route answers 401. */
@Injectable()
export class NoAuthenticator extends Authenticator {
  authenticate(): Promise<RequestPrincipal | null> {
    return Promise.resolve(null);
  }
}
