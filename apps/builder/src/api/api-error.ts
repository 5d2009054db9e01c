/** One invalid field, as the API names it (`name`, `document.nodes.0.data.text`, `(body)`). */
export interface ApiErrorDetail {
  readonly field: string;
  readonly message: string;
}

/** `code` values the builder reacts to; any other string may come too. */
export type KnownErrorCode =
  | 'network_error'
  | 'invalid_response'
  | 'validation_failed'
  | 'invalid_json'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'invalid_credentials'
  | 'too_many_attempts'
  | 'already_set_up'
  | 'draft_conflict'
  | 'operation_refused'
  | 'flow_has_errors'
  | 'payload_too_large'
  | 'internal_error';

/**
 * An API call that did not succeed: the API's error body (`{ error: { status, code, message,
 * details[], meta?, requestId } }`), or a network failure (`status` 0, `network_error`).
 */
export class ApiError extends Error {
  readonly status: number;
  /** A stable code (see KnownErrorCode); the builder translates by it. */
  readonly code: string;
  readonly details: readonly ApiErrorDetail[];
  readonly meta: Readonly<Record<string, unknown>>;
  readonly requestId: string | undefined;
  /** From `Retry-After` (429), in seconds. */
  readonly retryAfterSeconds: number | undefined;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    details?: readonly ApiErrorDetail[];
    meta?: Readonly<Record<string, unknown>>;
    requestId?: string | undefined;
    retryAfterSeconds?: number | undefined;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.details = init.details ?? [];
    this.meta = init.meta ?? {};
    this.requestId = init.requestId;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }

  /** The message of one field, for forms (`fieldError('email')`). */
  fieldError(field: string): string | undefined {
    return this.details.find((detail) => detail.field === field)?.message;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

const STATUS_CODES: Readonly<Record<number, string>> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  410: 'gone',
  413: 'payload_too_large',
  422: 'unprocessable_entity',
  429: 'too_many_requests',
};

/**
 * Turns a failed response into an ApiError. The body is read as the API's error shape when it
 * is one; a proxy's HTML page or an empty body still gives a typed error with the status.
 */
export function toApiError({ status, body, retryAfter }: { status: number; body: unknown; retryAfter: string | null }): ApiError {
  const retryAfterSeconds = parseRetryAfter(retryAfter);
  const error = isRecord(body) && isRecord(body['error']) ? body['error'] : null;
  if (error === null) {
    return new ApiError({
      status,
      code: STATUS_CODES[status] ?? (status >= 500 ? 'internal_error' : 'bad_request'),
      message: `The server answered ${String(status)}.`,
      retryAfterSeconds,
    });
  }
  const details = Array.isArray(error['details'])
    ? error['details'].filter(isRecord).map((detail) => ({ field: String(detail['field'] ?? ''), message: String(detail['message'] ?? '') }))
    : [];
  const meta = isRecord(error['meta']) ? error['meta'] : {};
  const metaRetry = typeof meta['retryAfterSeconds'] === 'number' ? meta['retryAfterSeconds'] : undefined;
  return new ApiError({
    status: typeof error['status'] === 'number' ? error['status'] : status,
    code: typeof error['code'] === 'string' ? error['code'] : (STATUS_CODES[status] ?? 'internal_error'),
    message: typeof error['message'] === 'string' ? error['message'] : `The server answered ${String(status)}.`,
    details,
    meta,
    requestId: typeof error['requestId'] === 'string' ? error['requestId'] : undefined,
    retryAfterSeconds: retryAfterSeconds ?? metaRetry,
  });
}

function parseRetryAfter(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds) : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
