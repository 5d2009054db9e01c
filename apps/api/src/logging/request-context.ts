import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';

/** What is known about the request being served: its id, and its workspace once authenticated. */
export interface RequestContext {
  readonly requestId: string;
  /** Set once the request is authenticated into a workspace; added to its log lines after. */
  workspaceId?: string;
}

const CONTEXT = Symbol('jornada.requestContext');
type WithContext = IncomingMessage & { [CONTEXT]?: RequestContext };

/**
 * The context travels on the request object, not in AsyncLocalStorage: on Node 20 an active
 * AsyncLocalStorage tracks every promise the process makes (async hooks), a cost the whole
 * runtime paid on each step, send and statement for the sake of the few lines that name a
 * request — and every one of those has the request at hand.
 */
export function openRequestContext(request: IncomingMessage, context: RequestContext): void {
  (request as WithContext)[CONTEXT] = context;
}

export function requestContextOf(request: IncomingMessage): RequestContext | undefined {
  return (request as WithContext)[CONTEXT];
}

/**
 * Records the workspace the request acts in: the auth guard calls this, so the request's
 * completion line and the error log carry `workspaceId`.
 */
export function setRequestWorkspace(request: IncomingMessage, workspaceId: string): void {
  const context = requestContextOf(request);
  if (context !== undefined) context.workspaceId = workspaceId;
}

/** A child of `logger` carrying the request's id and workspace, if known. */
export function requestLogger(logger: Logger, request: IncomingMessage): Logger {
  const context = requestContextOf(request);
  if (context === undefined) return logger;
  return logger.child({
    reqId: context.requestId,
    ...(context.workspaceId === undefined ? {} : { workspaceId: context.workspaceId }),
  });
}
