import type { Api } from '../api/create-api.js';
import type { FlowDetail } from '../api/types.js';
import { preloadFlow, takePreloadedFlow } from './flow-preload.js';

/** An API whose `flows.get` counts its calls and answers with a marker per call. */
function fakeApi() {
  const calls: string[] = [];
  const api = { flows: { get: (id: string) => (calls.push(id), Promise.resolve({ id, name: `call ${String(calls.length)}` } as unknown as FlowDetail)) } } as unknown as Api;
  return { api, calls };
}

describe('flow preload', () => {
  it('starts the request once and hands the answer out once', async () => {
    const { api, calls } = fakeApi();
    preloadFlow(api, 'f1', () => 0);
    preloadFlow(api, 'f1', () => 5); // a second render of the route: same request
    expect(calls).toEqual(['f1']);
    const taken = takePreloadedFlow(api, 'f1', () => 10);
    await expect(taken).resolves.toMatchObject({ id: 'f1', name: 'call 1' });
    expect(takePreloadedFlow(api, 'f1', () => 11)).toBeUndefined();
  });

  it('gives nothing for another flow, another API, or an answer too old to trust', () => {
    const { api } = fakeApi();
    const other = fakeApi().api;
    preloadFlow(api, 'f1', () => 0);
    expect(takePreloadedFlow(api, 'f2', () => 1)).toBeUndefined();
    expect(takePreloadedFlow(other, 'f1', () => 1)).toBeUndefined();
    preloadFlow(api, 'f3', () => 0);
    expect(takePreloadedFlow(api, 'f3', () => 60_000)).toBeUndefined();
  });

  it('does not report a failed preload until the editor takes it', async () => {
    const api = { flows: { get: () => Promise.reject(new Error('gone')) } } as unknown as Api;
    preloadFlow(api, 'f1', () => 0);
    await Promise.resolve(); // an unhandled rejection would fail the test run here
    await expect(takePreloadedFlow(api, 'f1', () => 1)).rejects.toThrow('gone');
  });
});
