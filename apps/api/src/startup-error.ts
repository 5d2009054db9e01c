/**
 * A start-up failure the operator can fix (a port in use, an unreachable database, a data
 * directory held by another process). main.ts prints its message as one line, without a stack.
 */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}
