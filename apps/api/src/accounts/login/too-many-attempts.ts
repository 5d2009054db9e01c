import type { Response } from 'express';
import { ApiError } from '../../http/api-error.js';

/** 429 for a rate-limited sign-in; the controller copies `retryAfterSeconds` into `Retry-After`. */
export function tooManyAttempts(retryAfterSeconds: number): ApiError {
  return new ApiError({
    status: 429,
    code: 'too_many_attempts',
    message: `Too many failed sign-in attempts. Try again in ${String(retryAfterSeconds)} second${retryAfterSeconds === 1 ? '' : 's'}.`,
    meta: { retryAfterSeconds },
  });
}

/** Runs `action`; on a 429 from tooManyAttempts, sets `Retry-After` before the error is answered. */
export async function withRetryAfter<T>(response: Response, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    const seconds = error instanceof ApiError && error.getStatus() === 429 ? error.meta?.['retryAfterSeconds'] : undefined;
    if (typeof seconds === 'number') response.setHeader('Retry-After', String(seconds));
    throw error;
  }
}
