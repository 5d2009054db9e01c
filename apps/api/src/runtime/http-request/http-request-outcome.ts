import type { Json } from '@jornada/flow-engine';
import type { JobErrorKind } from '../../queues/job-error.js';

/** Why a call did not succeed; stable, for logs and dashboards. */
export type HttpFailureCode =
  | 'invalid_url'
  | 'invalid_request'
  | 'request_too_large'
  | 'forbidden_address'
  | 'dns_failure'
  | 'connect_failed'
  | 'tls_failed'
  | 'timeout'
  | 'network_error'
  | 'too_many_redirects'
  | 'insecure_redirect'
  | 'response_too_large'
  | 'invalid_response'
  | 'http_status';

export interface HttpRequestFailure {
  readonly code: HttpFailureCode;
  /**
   * For the queue: `transient` (network, timeout, 408/425/429, 5xx but 501/505) may succeed
   * later; `user` (bad URL, refused address, 4xx, too large…) will not — the flow takes its
   * error branch now; `system` means a malformed effect (our bug).
   */
  readonly errorClass: JobErrorKind;
  /**
   * Whether retrying is safe and useful: transient, and either the method is idempotent (GET,
   * PUT, DELETE), or the request cannot have been processed (no connection was made, or the
   * only server it reached declined it with 408, 429 or 503), or the flow sent an
   * `Idempotency-Key` header. A POST/PATCH that timed out after it was sent is NOT retried:
   * it may have created the order; the flow takes its error branch instead.
   */
  readonly retryAdvisable: boolean;
  /** Whether any byte of the request may have reached a server (a connection was made). */
  readonly mayHaveReachedServer: boolean;
  /** From a `Retry-After` header of a 429/503, capped at one hour. */
  readonly retryAfterMs?: number;
}

/** What the run log may keep about the call: secrets redacted, sizes instead of bodies. */
export interface HttpRequestLog {
  readonly method: string;
  /** The URL asked for, credential-like query values redacted. */
  readonly url: string;
  /** The headers sent, credential values redacted. */
  readonly requestHeaders: Readonly<Record<string, string>>;
  /** Headers of the flow that were not sent (hop-by-hop, Host…). */
  readonly droppedHeaders: readonly string[];
  readonly requestBytes: number;
  readonly redirects: ReadonlyArray<{ readonly status: number; readonly location: string }>;
  /** The address of the last connection. */
  readonly address?: string;
  readonly status?: number;
  readonly contentType?: string;
  readonly responseBytes?: number;
  /** `json`, `text` (maybe truncated), `binary` (not passed on) or `empty`. */
  readonly responseKind?: 'json' | 'text' | 'binary' | 'empty';
  readonly truncated?: boolean;
  readonly durationMs: number;
  readonly error?: { readonly code: HttpFailureCode; readonly message: string };
}

/**
 * The result of one `http_request` effect. `ok`, `status`, `body` and `error` are the fields of
 * the engine's `effect_result` event (see toEffectResultEvent); `failure` tells the queue what
 * to do; `log` is for the run log.
 */
export interface HttpRequestOutcome {
  /** A 2xx answer. */
  readonly ok: boolean;
  readonly status?: number;
  /** JSON when the answer is JSON, else its text (truncated); absent when empty or binary. */
  readonly body?: Json;
  /** A sentence for the run log when not ok. */
  readonly error?: string;
  /** Absent when ok. */
  readonly failure?: HttpRequestFailure;
  readonly log: HttpRequestLog;
}
