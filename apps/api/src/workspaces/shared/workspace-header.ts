import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader } from '@nestjs/swagger';

/**
 * OpenAPI for a route that acts in one workspace: bearer auth (session token or API key; the
 * session cookie works too) and the optional `X-Workspace-Id` header.
 */
export function ApiWorkspaceScoped(): ClassDecorator & MethodDecorator {
  return applyDecorators(
    ApiBearerAuth(),
    ApiHeader({
      name: 'X-Workspace-Id',
      required: false,
      description: 'The workspace to act in (one of yours; 404 otherwise). Default: the session’s current workspace. API keys act in their own.',
    }),
  );
}
