import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ApiError } from '../http/api-error.js';
import { PRINCIPAL_KEY, type RequestPrincipal, type RequestWithPrincipal } from './request-principal.js';
import type { Action, Role } from '../security/roles.js';

export const IS_PUBLIC_KEY = 'jornada:public';
export const ROLES_KEY = 'jornada:roles';
export const PERMISSION_KEY = 'jornada:permission';

/** The route (or every route of the controller) needs no credentials: health, login, webhooks. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);

/**
 * Only these roles may call the route (403 for others). Without @Roles, any authenticated
 * principal may. A method's @Roles replaces its controller's.
 */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);

/**
 * Only roles whose permissions (security/roles.ts, ROLE_PERMISSIONS) include `action` may call
 * the route (403 for others): `@Permission('flows.publish')`. Prefer it to @Roles, so who may
 * do what stays in the one matrix.
 */
export const Permission = (action: Action): MethodDecorator & ClassDecorator => SetMetadata(PERMISSION_KEY, action);

/** The authenticated caller, as a controller parameter: `@Principal() principal: RequestPrincipal`. */
export const Principal = createParamDecorator((_data: unknown, context: ExecutionContext): RequestPrincipal => {
  const principal = context.switchToHttp().getRequest<RequestWithPrincipal>()[PRINCIPAL_KEY];
  // Only reachable on a @Public() route, where there is no principal: a programming error.
  if (principal === undefined) throw new ApiError({ status: 401, code: 'unauthorized', message: 'Sign in first.' });
  return principal;
});
