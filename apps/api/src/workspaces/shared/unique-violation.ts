import { QueryFailedError } from 'typeorm';

interface PostgresError {
  readonly code?: string;
  readonly constraint?: string;
}

/**
 * Whether `error` is PostgreSQL's unique_violation (23505), optionally on one named constraint
 * or unique index: how a lost race on "create if absent" shows up (two sign-ups with the same
 * email, a second membership for the same person).
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = (error as { driverError?: PostgresError }).driverError;
  return driverError?.code === '23505' && (constraint === undefined || driverError.constraint === constraint);
}
