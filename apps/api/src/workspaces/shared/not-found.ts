import { ApiError } from '../../http/api-error.js';

/**
 * The 404 for a resource that does not exist in the caller's workspace. Resources of other
 * workspaces get exactly the same answer, so their existence is never revealed.
 */
export function notFound(resource: string, code = 'not_found'): ApiError {
  return new ApiError({ status: 404, code, message: `No such ${resource} in this workspace.` });
}
