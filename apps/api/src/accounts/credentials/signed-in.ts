import { applyDecorators, createParamDecorator, Injectable, UseGuards, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../../auth/auth.decorators.js';
import { ApiError } from '../../http/api-error.js';
import { CredentialAuthenticator, type SignedInUser } from './credential-authenticator.js';

export type { SignedInUser } from './credential-authenticator.js';

const SIGNED_IN_USER_KEY = 'signedInUser';
type RequestWithUser = Request & { [SIGNED_IN_USER_KEY]?: SignedInUser };

/** Lets a request through only with a valid session (cookie or bearer token); API keys get 403. */
@Injectable()
export class SignedInGuard implements CanActivate {
  constructor(private readonly authenticator: CredentialAuthenticator) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<RequestWithUser>();
    const identity = await this.authenticator.identify(request);
    if (identity === null) throw new ApiError({ status: 401, code: 'unauthorized', message: 'Sign in first.' });
    if (identity.kind === 'api_key') {
      throw new ApiError({ status: 403, code: 'user_required', message: 'This route is for signed-in people: an API key acts in its own workspace only.' });
    }
    request[SIGNED_IN_USER_KEY] = identity.user;
    return true;
  }
}

/**
 * The route needs a signed-in person but no current workspace (my account, my workspaces,
 * creating a workspace): someone who belongs to no workspace yet must reach them. It is NOT
 * public: the global AuthGuard, which would demand a workspace, is told to step aside
 * (`@Public()`) and SignedInGuard demands a session instead.
 */
export function SignedIn(): MethodDecorator & ClassDecorator {
  return applyDecorators(Public(), UseGuards(SignedInGuard), ApiBearerAuth());
}

/** The person on a @SignedIn() route: `@CurrentUser() user: SignedInUser`. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): SignedInUser => {
  const user = context.switchToHttp().getRequest<RequestWithUser>()[SIGNED_IN_USER_KEY];
  // Only reachable on a route without @SignedIn(): a programming error.
  if (user === undefined) throw new ApiError({ status: 401, code: 'unauthorized', message: 'Sign in first.' });
  return user;
});
