import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { isConnectionFailure } from '../database/connection-failure.js';
import { requestContextOf, requestLogger } from '../logging/request-context.js';
import { ApiError, type ErrorDetail } from './api-error.js';
import { defaultErrorCode, type ErrorBody } from './error-body.js';
import { REQUEST_ID_HEADER } from './request-id.js';

/**
 * Turns everything thrown while serving a request (ApiError, Nest's HttpExceptions, body parser
 * failures, unknown routes, bugs) into the one error shape. Unexpected errors answer 500 with
 * no internals (no message, no stack) and are logged, with the request id, for the operator.
 */
/** Seconds a client should wait before retrying after a 503 (the database unreachable). */
const RETRY_AFTER_SECONDS = 5;

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    const requestId = requestContextOf(request)?.requestId ?? String(response.getHeader(REQUEST_ID_HEADER) ?? '');
    const body = toErrorBody(exception, request, requestId);

    const log = requestLogger(this.logger, request);
    if (body.error.status >= 500) {
      log.error({ err: exception, method: request.method, url: request.originalUrl }, `Unhandled error on ${request.method} ${request.originalUrl}`);
    }
    if (response.headersSent) {
      // Too late for a clean answer (a stream failed half-way): cut the connection.
      response.destroy();
      return;
    }
    if (body.error.status === 503) response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    response.status(body.error.status).setHeader('Cache-Control', 'no-store').json(body);
  }
}

export function toErrorBody(exception: unknown, request: Pick<Request, 'method' | 'originalUrl'>, requestId: string): ErrorBody {
  if (exception instanceof ApiError) {
    const status = exception.getStatus();
    return errorBody({ status, code: exception.code, message: exception.message, details: exception.details, meta: exception.meta, requestId });
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    if (status >= 500) return internalError(requestId, status);
    return errorBody({ status, code: defaultErrorCode(status), message: messageOf(exception, request), requestId });
  }
  if (isConnectionFailure(exception)) {
    // Nothing was stored: the client (a provider retrying its webhook) must send it again.
    return errorBody({ status: 503, code: 'service_unavailable', message: 'The database is unavailable right now; nothing was stored. Try again shortly.', requestId });
  }
  return internalError(requestId, 500);
}

function internalError(requestId: string, status: number): ErrorBody {
  return errorBody({
    status,
    code: defaultErrorCode(status),
    message: `Unexpected error; it has been logged with request id ${requestId}.`,
    requestId,
  });
}

function errorBody(input: {
  status: number;
  code: string;
  message: string;
  details?: readonly ErrorDetail[] | undefined;
  meta?: Readonly<Record<string, unknown>> | undefined;
  requestId: string;
}): ErrorBody {
  return {
    error: {
      status: input.status,
      code: input.code,
      message: input.message,
      ...(input.details === undefined || input.details.length === 0 ? {} : { details: input.details }),
      ...(input.meta === undefined ? {} : { meta: input.meta }),
      requestId: input.requestId,
    },
  };
}

/** The human message of a Nest HttpException (a string, or `{ message: string | string[] }`). */
function messageOf(exception: HttpException, request: Pick<Request, 'method' | 'originalUrl'>): string {
  const response = exception.getResponse();
  const raw = typeof response === 'string' ? response : (response as { message?: unknown }).message;
  const message = Array.isArray(raw) ? raw.map(String).join('; ') : typeof raw === 'string' ? raw : exception.message;
  // Nest's router says "Cannot GET /x" for unknown routes.
  if (exception.getStatus() === 404 && /^Cannot [A-Z]+ /.test(message)) {
    return `No route for ${request.method} ${request.originalUrl.split('?', 1)[0] ?? ''}.`;
  }
  return message;
}
