/**
 * @jest-environment node
 */
import type { FlowOperation } from '@jornada/flow-engine';
import { ApiError } from './api-error.js';
import { flowsApi, operationRefusal } from './flows.api.js';
import type { HttpClient, RequestOptions } from './http-client.js';

function recordingClient(answer: unknown) {
  const calls: RequestOptions[] = [];
  const http: HttpClient = {
    request: <T>(options: RequestOptions) => {
      calls.push(options);
      return Promise.resolve(answer as T);
    },
    requestText: () => Promise.reject(new Error('not used')),
    requestStream: () => Promise.reject(new Error('not used')),
  };
  return { http, calls };
}

describe('flows.applyOperations', () => {
  it('posts the revision and the operations to the draft operations route', async () => {
    const saved = { revision: 4, updatedAt: '2026-12-04T18:00:00.000Z', document: {}, issues: [] };
    const { http, calls } = recordingClient(saved);
    const operations: FlowOperation[] = [{ type: 'update_node', nodeId: 'n1', label: 'Hi' }];
    await expect(flowsApi(http).applyOperations('f/1', { revision: 3, operations })).resolves.toBe(saved);
    expect(calls).toEqual([{ method: 'POST', path: '/flows/f%2F1/draft/operations', body: { revision: 3, operations } }]);
  });
});

describe('operationRefusal', () => {
  const refusal = (meta: Record<string, unknown>) => new ApiError({ status: 422, code: 'operation_refused', message: 'Operation 1 was refused.', meta });

  it('reads which operation was refused and why', () => {
    expect(operationRefusal(refusal({ operationIndex: 1, reason: 'output_taken', path: 'edge.sourceHandle', elementId: 'n1' }))).toEqual({
      operationIndex: 1,
      reason: 'output_taken',
      path: 'edge.sourceHandle',
      elementId: 'n1',
    });
    expect(operationRefusal(refusal({ operationIndex: 0, reason: 'limit_exceeded' }))).toEqual({ operationIndex: 0, reason: 'limit_exceeded' });
  });

  it('is undefined for any other error', () => {
    expect(operationRefusal(new ApiError({ status: 409, code: 'draft_conflict', message: 'x' }))).toBeUndefined();
    expect(operationRefusal(refusal({}))).toBeUndefined();
    expect(operationRefusal(new Error('boom'))).toBeUndefined();
  });
});
