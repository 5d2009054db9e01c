import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'pino';

/** What is known about the request being served, wherever the code runs (async-local). */
export interface RequestContext {
  readonly requestId: string;
  /** Set once the request is authenticated into a workspace; added to every log line after. */
  workspaceId?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/**
 * Records the workspace the current request acts in: the auth guard calls this, so the
 * request's completion line and the error log carry `workspaceId`.
 */
export function setRequestWorkspace(workspaceId: string): void {
  const context = storage.getStore();
  if (context !== undefined) context.workspaceId = workspaceId;
}

/** A child of `logger` carrying the current request's id and workspace, if any. */
export function contextualLogger(logger: Logger): Logger {
  const context = storage.getStore();
  if (context === undefined) return logger;
  return logger.child({
    reqId: context.requestId,
    ...(context.workspaceId === undefined ? {} : { workspaceId: context.workspaceId }),
  });
}
