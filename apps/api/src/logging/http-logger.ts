import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { pinoHttp, type HttpLogger } from 'pino-http';
import { currentRequestContext } from './request-context.js';

/**
 * One JSON line per request when it completes (method, url, status, response time, request
 * id, workspace id once known); 4xx at warn, 5xx at error. Health checks from load balancers
 * and container probes are logged at debug only.
 */
export function createHttpLogger(logger: Logger): HttpLogger {
  return pinoHttp({
    logger,
    genReqId: (request: IncomingMessage) => currentRequestContext()?.requestId ?? String(request.headers['x-request-id'] ?? ''),
    customAttributeKeys: { reqId: 'reqId' },
    quietReqLogger: true,
    customProps: () => {
      const workspaceId = currentRequestContext()?.workspaceId;
      return workspaceId === undefined ? {} : { workspaceId };
    },
    customLogLevel: (request: IncomingMessage, response: ServerResponse, error?: Error) => {
      if (error !== undefined || response.statusCode >= 500) return 'error';
      if (response.statusCode >= 400) return 'warn';
      return request.url === '/api/health' ? 'debug' : 'info';
    },
    serializers: {
      req: (request: { method?: string; url?: string; remoteAddress?: string }) => ({
        method: request.method,
        url: request.url,
        remoteAddress: request.remoteAddress,
      }),
      res: (response: { statusCode?: number }) => ({ statusCode: response.statusCode }),
    },
  });
}
