import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { openRequestContext } from '../logging/request-context.js';

export const REQUEST_ID_HEADER = 'x-request-id';

/** Ids from upstream (a proxy, a caller tracing a call) are kept when they look like ids. */
const ACCEPTED_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function parseRequestId(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && ACCEPTED_REQUEST_ID.test(value) ? value : randomUUID();
}

/**
 * First middleware of every request: takes `x-request-id` from the request (or makes one),
 * echoes it on the response, and opens the async request context that loggers and the error
 * filter read it from.
 */
export function requestIdMiddleware(request: IncomingMessage, response: ServerResponse, next: () => void): void {
  const requestId = parseRequestId(request.headers[REQUEST_ID_HEADER]);
  response.setHeader(REQUEST_ID_HEADER, requestId);
  openRequestContext(request, { requestId });
  next();
}
