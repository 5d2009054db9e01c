import { ApiError, toApiError } from './api-error.js';

export type QueryValue = string | number | boolean | undefined | null;

export interface RequestOptions {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Under /api: `/flows/123`. */
  readonly path: string;
  readonly query?: Readonly<Record<string, QueryValue>>;
  /** Sent as JSON. */
  readonly body?: unknown;
  /**
   * X-Workspace-Id: the current workspace (default, `true`), none (`false`: sign-in routes act
   * in no workspace), or this one (a workspace id: switching to it).
   */
  readonly workspace?: boolean | string;
  readonly signal?: AbortSignal;
}

export interface HttpClient {
  /** The parsed JSON answer; `undefined` for 204. Throws ApiError. */
  request<T>(options: RequestOptions): Promise<T>;
  /** The raw body of a successful answer as text (downloads). Throws ApiError. */
  requestText(options: RequestOptions): Promise<{ text: string; fileName: string | undefined }>;
  /** The body of a successful answer as it arrives (Server-Sent Events, with the workspace header EventSource cannot send). Throws ApiError. */
  requestStream(options: RequestOptions): Promise<ReadableStream<Uint8Array>>;
}

export interface HttpClientOptions {
  /** Prefix of every path: '' for the same origin (the API serves the builder). */
  readonly baseUrl?: string;
  /** The workspace requests act in (X-Workspace-Id); undefined before one is known. */
  readonly workspaceId: () => string | undefined;
  /** Told about every 401 of a call that needed a session, so the app can show sign-in. */
  readonly onUnauthorized?: (error: ApiError) => void;
  readonly fetch?: typeof fetch;
}

/**
 * The one place the builder talks HTTP: same-origin cookie auth (the session cookie is
 * HttpOnly), JSON in and out, the workspace header, and every failure as an ApiError.
 */
export function createHttpClient({ baseUrl = '', workspaceId, onUnauthorized, fetch: fetchImpl }: HttpClientOptions): HttpClient {
  const doFetch = fetchImpl ?? ((input: RequestInfo | URL, init?: RequestInit) => window.fetch(input, init));

  async function send(options: RequestOptions, accept: string): Promise<Response> {
    const headers: Record<string, string> = { accept };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const workspace = typeof options.workspace === 'string' ? options.workspace : options.workspace === false ? undefined : workspaceId();
    if (workspace !== undefined) headers['x-workspace-id'] = workspace;
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}/api${options.path}${queryString(options.query)}`, {
        method: options.method ?? 'GET',
        headers,
        credentials: 'same-origin',
        body: options.body === undefined ? null : JSON.stringify(options.body),
        signal: options.signal ?? null,
      });
    } catch (cause) {
      if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
      throw new ApiError({ status: 0, code: 'network_error', message: 'Could not reach the server.' });
    }
    if (!response.ok) {
      const error = toApiError({ status: response.status, body: await readJson(response), retryAfter: response.headers.get('retry-after') });
      if (error.status === 401 && options.workspace !== false) onUnauthorized?.(error);
      throw error;
    }
    return response;
  }

  return {
    async request<T>(options: RequestOptions): Promise<T> {
      const response = await send(options, 'application/json');
      if (response.status === 204) return undefined as T;
      const body = await readJson(response);
      if (body === undefined) throw new ApiError({ status: response.status, code: 'invalid_response', message: 'The server answered with something that is not JSON.' });
      return body as T;
    },
    async requestText(options: RequestOptions) {
      const response = await send(options, 'application/json, */*');
      const disposition = response.headers.get('content-disposition') ?? '';
      const fileName = /filename="([^"]+)"/.exec(disposition)?.[1];
      return { text: await response.text(), fileName };
    },
    async requestStream(options: RequestOptions) {
      const response = await send(options, 'text/event-stream');
      if (response.body === null) throw new ApiError({ status: response.status, code: 'invalid_response', message: 'The server answered without a body.' });
      return response.body;
    },
  };
}

function queryString(query: RequestOptions['query']): string {
  if (query === undefined) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    const text = await response.text();
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}
