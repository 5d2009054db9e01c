import type { Api } from '../api/create-api.js';
import type { FlowDetail } from '../api/types.js';
import { preloadFlow, preloadFlowAtStart, takePreloadedFlow } from './flow-preload.js';

/** An API whose `flows.get` counts its calls and answers with a marker per call. */
function fakeApi() {
  const calls: string[] = [];
  const workspaces: (string | undefined)[] = [];
  const get = (id: string, workspaceId?: string) => {
    calls.push(id);
    workspaces.push(workspaceId);
    return Promise.resolve({ id, name: `call ${String(calls.length)}` } as unknown as FlowDetail);
  };
  const api = { flows: { get } } as unknown as Api;
  return { api, calls, workspaces };
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

  it("at start, asks for the flow the address names in the workspace used last, for the editor of that workspace only", async () => {
    const { api, calls, workspaces } = fakeApi();
    preloadFlowAtStart(api, '/flows', 'w1', () => 0); // not a flow's address
    preloadFlowAtStart(api, '/flows/f9', undefined, () => 0); // no workspace used yet
    expect(calls).toEqual([]);
    preloadFlowAtStart(api, '/flows/f1', 'w1', () => 0);
    expect(calls).toEqual(['f1']);
    expect(workspaces).toEqual(['w1']);
    preloadFlow(api, 'f1', () => 5); // the route, once the session is known: the same request
    expect(calls).toEqual(['f1']);
    await expect(takePreloadedFlow(api, 'f1', () => 10, 'w1')).resolves.toMatchObject({ id: 'f1', name: 'call 1' });

    preloadFlowAtStart(api, '/flows/f2', 'w1', () => 20);
    expect(takePreloadedFlow(api, 'f2', () => 30, 'w2')).toBeUndefined(); // the session landed elsewhere
  });

  it('asks again, in the current workspace, when the request made at start failed', async () => {
    const workspaces: (string | undefined)[] = [];
    const api = {
      flows: {
        get: (id: string, workspaceId?: string) => {
          workspaces.push(workspaceId);
          return workspaceId === undefined ? Promise.resolve({ id } as unknown as FlowDetail) : Promise.reject(new Error('signed out'));
        },
      },
    } as unknown as Api;
    preloadFlowAtStart(api, '/flows/f1', 'w1', () => 0);
    await Promise.resolve();
    await expect(takePreloadedFlow(api, 'f1', () => 1, 'w1')).resolves.toMatchObject({ id: 'f1' });
    expect(workspaces).toEqual(['w1', undefined]);
  });

  it('does not report a failed preload until the editor takes it', async () => {
    const api = { flows: { get: () => Promise.reject(new Error('gone')) } } as unknown as Api;
    preloadFlow(api, 'f1', () => 0);
    await Promise.resolve(); // an unhandled rejection would fail the test run here
    await expect(takePreloadedFlow(api, 'f1', () => 1)).rejects.toThrow('gone');
  });
});
