import { ApiError } from '../http/api-error.js';

export function flowNotFound(id: string): ApiError {
  return new ApiError({ status: 404, code: 'not_found', message: `No flow with id ${id}.` });
}

export function versionNotFound(id: string, version: string | number): ApiError {
  return new ApiError({ status: 404, code: 'not_found', message: `Flow ${id} has no version ${String(version)}.` });
}

/**
 * A save (or restore) that started from an older revision than the stored draft: refused, never
 * merged or overwritten. The body carries the current draft so the builder can show both.
 */
export function draftConflict(current: { revision: number; document: Record<string, unknown>; updatedAt: Date }, sentRevision: number): ApiError {
  return new ApiError({
    status: 409,
    code: 'draft_conflict',
    message: `The draft changed since revision ${String(sentRevision)}: it is now at revision ${String(current.revision)}. Reload it (or merge your changes) and save again.`,
    meta: { current: { revision: current.revision, document: current.document, updatedAt: current.updatedAt.toISOString() } },
  });
}
