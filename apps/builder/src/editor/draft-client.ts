import type { FlowDocument, FlowOperation } from '@jornada/flow-engine';
import { ApiError } from '../api/api-error.js';
import type { Api } from '../api/create-api.js';
import type { FlowDocumentJson } from '../api/types.js';

type OperationsCall = (id: string, body: { revision: number; operations: FlowOperation[] }) => Promise<{ revision: number }>;

/**
 * How the autosave reaches the server: operations (POST …/draft/operations) when the client
 * has that call, the whole document (PUT …/draft) otherwise or when operations are refused.
 */
export function draftClient(api: Api, flowId: string) {
  const flows = api.flows as Api['flows'] & { applyOperations?: OperationsCall };
  return {
    sendOperations: (input: { revision: number; operations: FlowOperation[] }): Promise<{ revision: number }> => {
      const call = flows.applyOperations;
      // Without the operations route the autosave falls back to saving the whole document.
      if (call === undefined) return Promise.reject(new ApiError({ status: 404, code: 'not_found', message: 'No operations route.' }));
      return call(flowId, input);
    },
    saveDocument: (input: { revision: number; document: FlowDocument }) => api.flows.saveDraft(flowId, { revision: input.revision, document: input.document as unknown as FlowDocumentJson }),
  };
}
