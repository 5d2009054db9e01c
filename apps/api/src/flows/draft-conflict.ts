import type { ApiError } from '../http/api-error.js';
import { draftConflict, flowNotFound } from './flow-errors.js';
import type { FlowRepository } from './flow.repository.js';

/**
 * Why a conditional draft write matched no row: the flow is gone (404) or its draft moved on
 * (409 with the current draft, so the client can reload or merge instead of overwriting).
 */
export async function explainRefusedWrite(
  flows: FlowRepository,
  { workspaceId, id, sentRevision }: { workspaceId: string; id: string; sentRevision: number },
): Promise<ApiError> {
  const current = await flows.findById({ workspaceId, id });
  if (current === null) return flowNotFound(id);
  return draftConflict({ revision: current.draftRevision, document: current.draft, updatedAt: current.updatedAt }, sentRevision);
}
