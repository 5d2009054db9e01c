import { HttpException } from '@nestjs/common';

/** A field-level problem: `field` is a dotted path into the request (`nodes.0.id`), or `(body)`. */
export interface ErrorDetail {
  readonly field: string;
  readonly message: string;
}

export interface ApiErrorInput {
  readonly status: number;
  /** Stable, machine-readable, snake_case: clients branch on it (`draft_conflict`). */
  readonly code: string;
  /** For people: says what was wrong and, when it helps, what to do. */
  readonly message: string;
  readonly details?: readonly ErrorDetail[];
  /** Extra structured data for this code (e.g. the current revision on a 409). */
  readonly meta?: Readonly<Record<string, unknown>>;
}

/**
 * The error to throw from controllers and use cases: it becomes the one error shape
 * `{ error: { status, code, message, details?, meta?, requestId } }` (see error-body.ts).
 * Nest's own exceptions (NotFoundException…) are mapped too, with a code from their status.
 */
export class ApiError extends HttpException {
  readonly code: string;
  readonly details: readonly ErrorDetail[] | undefined;
  readonly meta: Readonly<Record<string, unknown>> | undefined;

  constructor(input: ApiErrorInput) {
    super(input.message, input.status);
    this.code = input.code;
    this.details = input.details;
    this.meta = input.meta;
  }
}
