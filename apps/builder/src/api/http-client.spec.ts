/**
 * @jest-environment node
 */
// Pure HTTP logic: Node gives the fetch Response class that jsdom lacks.
import { ApiError } from './api-error.js';
import { createHttpClient } from './http-client.js';

interface Recorded {
  url: string;
  init: RequestInit | undefined;
}

function fakeFetch(respond: (request: Recorded) => Response | Promise<Response>) {
  const calls: Recorded[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = { url: String(input), init };
    calls.push(request);
    return respond(request);
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('createHttpClient', () => {
  it('sends JSON with the workspace header and cookies, and reads JSON back', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, { ok: true }));
    const http = createHttpClient({ fetch, workspaceId: () => 'ws-1' });
    await expect(http.request({ method: 'POST', path: '/flows', body: { name: 'A' }, query: { search: 'cart', empty: '', none: undefined } })).resolves.toEqual({ ok: true });
    const [call] = calls;
    expect(call?.url).toBe('/api/flows?search=cart');
    expect(call?.init?.credentials).toBe('same-origin');
    expect(call?.init?.body).toBe('{"name":"A"}');
    expect(call?.init?.headers).toEqual({ accept: 'application/json', 'content-type': 'application/json', 'x-workspace-id': 'ws-1' });
  });

  it('sends the workspace asked for when switching, whatever the current one', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, {}));
    await createHttpClient({ fetch, workspaceId: () => 'current' }).request({ path: '/auth/me', workspace: 'other' });
    expect((calls[0]?.init?.headers as Record<string, string>)['x-workspace-id']).toBe('other');
  });

  it('leaves the workspace header out of sign-in routes and before a workspace is known', async () => {
    const { fetch, calls } = fakeFetch(() => new Response(null, { status: 204 }));
    await createHttpClient({ fetch, workspaceId: () => 'ws-1' }).request({ method: 'POST', path: '/auth/logout', workspace: false });
    await createHttpClient({ fetch, workspaceId: () => undefined }).request({ path: '/workspaces' });
    expect(calls.map((call) => (call.init?.headers as Record<string, string>)['x-workspace-id'])).toEqual([undefined, undefined]);
  });

  it('turns the API error shape into an ApiError with details, meta and request id', async () => {
    const body = {
      error: {
        status: 409,
        code: 'draft_conflict',
        message: 'The draft changed since revision 3.',
        details: [{ field: 'revision', message: 'stale' }],
        meta: { current: { revision: 4 } },
        requestId: 'req-1',
      },
    };
    const { fetch } = fakeFetch(() => json(409, body));
    const error = await createHttpClient({ fetch, workspaceId: () => undefined })
      .request({ path: '/flows/1/draft' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, code: 'draft_conflict', message: 'The draft changed since revision 3.', requestId: 'req-1', meta: { current: { revision: 4 } } });
    expect((error as ApiError).fieldError('revision')).toBe('stale');
  });

  it('reads Retry-After on 429', async () => {
    const { fetch } = fakeFetch(() => json(429, { error: { status: 429, code: 'too_many_attempts', message: 'Too many', requestId: 'r' } }, { 'retry-after': '37' }));
    const error = (await createHttpClient({ fetch, workspaceId: () => undefined })
      .request({ method: 'POST', path: '/auth/login', workspace: false })
      .catch((caught: unknown) => caught)) as ApiError;
    expect(error.retryAfterSeconds).toBe(37);
    expect(error.code).toBe('too_many_attempts');
  });

  it('gives a typed error for a body that is not the API shape (a proxy page)', async () => {
    const { fetch } = fakeFetch(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    const error = (await createHttpClient({ fetch, workspaceId: () => undefined })
      .request({ path: '/flows' })
      .catch((caught: unknown) => caught)) as ApiError;
    expect(error).toMatchObject({ status: 502, code: 'internal_error', requestId: undefined });
  });

  it('reports a network failure as status 0, network_error', async () => {
    const fetch = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof globalThis.fetch;
    const error = (await createHttpClient({ fetch, workspaceId: () => undefined })
      .request({ path: '/flows' })
      .catch((caught: unknown) => caught)) as ApiError;
    expect(error).toMatchObject({ status: 0, code: 'network_error' });
  });

  it('tells the app about a 401 of a workspace call, not of sign-in calls', async () => {
    const { fetch } = fakeFetch(() => json(401, { error: { status: 401, code: 'unauthorized', message: 'Sign in', requestId: 'r' } }));
    const onUnauthorized = jest.fn();
    const http = createHttpClient({ fetch, workspaceId: () => 'w', onUnauthorized });
    await expect(http.request({ path: '/flows' })).rejects.toBeInstanceOf(ApiError);
    await expect(http.request({ method: 'POST', path: '/auth/login', workspace: false })).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('downloads text with the suggested file name', async () => {
    const { fetch } = fakeFetch(() => new Response('{\n  "a": 1\n}\n', { status: 200, headers: { 'content-disposition': 'attachment; filename="cart.flow.json"' } }));
    await expect(createHttpClient({ fetch, workspaceId: () => 'w' }).requestText({ path: '/flows/1/export' })).resolves.toEqual({ text: '{\n  "a": 1\n}\n', fileName: 'cart.flow.json' });
  });
});
