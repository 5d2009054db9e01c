import type { FlowDocument, FlowOperation } from '@jornada/flow-engine';
import type { Api } from '../api/create-api.js';
import type { FlowDocumentJson } from '../api/types.js';

/**
 * How the autosave reaches the server: the operations the editor applied (POST
 * …/draft/operations), or the whole document (PUT …/draft) when the server refuses them.
 */
export function draftClient(api: Api, flowId: string) {
  return {
    sendOperations: (input: { revision: number; operations: FlowOperation[] }) => api.flows.applyOperations(flowId, input),
    saveDocument: (input: { revision: number; document: FlowDocument }) => api.flows.saveDraft(flowId, { revision: input.revision, document: input.document as unknown as FlowDocumentJson }),
  };
}
