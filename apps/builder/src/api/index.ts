// The API client: one fetch wrapper (cookie auth, X-Workspace-Id, JSON, ApiError) and typed
// functions per route. Routes follow the server's OpenAPI (/api/docs-json).
export { ApiError, isApiError, toApiError, type ApiErrorDetail, type KnownErrorCode } from './api-error.js';
export { ApiProvider, useApi } from './api-context.js';
export { createApi, type Api } from './create-api.js';
export { operationRefusal } from './flows.api.js';
export { createHttpClient, type HttpClient, type HttpClientOptions, type RequestOptions } from './http-client.js';
export * from './types.js';
export * from './simulation-types.js';
