import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ApiError } from '../http/api-error.js';
import { setRequestWorkspace } from '../logging/request-context.js';
import { can, type Action, type Role } from '../security/roles.js';
import { IS_PUBLIC_KEY, PERMISSION_KEY, ROLES_KEY } from './auth.decorators.js';
import { Authenticator } from './authenticator.js';
import { PRINCIPAL_KEY, type RequestWithPrincipal } from './request-principal.js';

/**
 * Applied to every route (APP_GUARD): a route is closed unless marked @Public(). For the
 * others it asks the Authenticator who is calling (401 if nobody), puts the principal on the
 * request and the workspace id into the request's log context, then checks @Roles and
 * @Permission (403).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC_KEY, targets) === true) return true;

    const request = context.switchToHttp().getRequest<Request & RequestWithPrincipal>();
    const principal = await this.authenticator.authenticate(request);
    if (principal === null) {
      throw new ApiError({ status: 401, code: 'unauthorized', message: 'Sign in, or send a valid bearer token or API key.' });
    }
    request[PRINCIPAL_KEY] = principal;
    setRequestWorkspace(request, principal.workspaceId);

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles !== undefined && !roles.includes(principal.role)) {
      throw new ApiError({
        status: 403,
        code: 'forbidden',
        message: `Your role (${principal.role}) cannot do this; it needs one of: ${roles.join(', ')}.`,
      });
    }
    const action = this.reflector.getAllAndOverride<Action | undefined>(PERMISSION_KEY, targets);
    if (action !== undefined && !can(principal.role, action)) {
      throw new ApiError({ status: 403, code: 'forbidden', message: `Your role (${principal.role}) does not allow ${action}.` });
    }
    return true;
  }
}
