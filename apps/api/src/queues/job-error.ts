/**
 * Whose fault a failed job is, which decides whether it is retried:
 * - `user`: bad input (invalid number, rejected template) — retrying cannot help; fail now.
 * - `transient`: 429, 5xx, timeout, a dropped connection — retry with the queue's backoff.
 * - `system`: our bug or broken data (an unknown payload version) — fail now and log.
 */
export type JobErrorKind = 'user' | 'transient' | 'system';

export class JobError extends Error {
  readonly kind: JobErrorKind;

  constructor(kind: JobErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'JobError';
    this.kind = kind;
  }

  static user(message: string, options?: { cause?: unknown }): JobError {
    return new JobError('user', message, options);
  }

  static transient(message: string, options?: { cause?: unknown }): JobError {
    return new JobError('transient', message, options);
  }

  static system(message: string, options?: { cause?: unknown }): JobError {
    return new JobError('system', message, options);
  }
}

/**
 * The kind of any error a handler threw. Unclassified errors count as transient: in practice
 * they are a dropped database or network connection, and failing the job for good on those
 * would lose work. A handler that knows better throws a JobError.
 */
export function classifyJobError(error: unknown): JobErrorKind {
  return error instanceof JobError ? error.kind : 'transient';
}
