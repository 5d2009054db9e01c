import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Level, Logger } from 'pino';
import { requestContextOf } from './request-context.js';

/** Where a request is logged: a load balancer's or a container's health probe only at debug. */
function levelOf(url: string | undefined, statusCode: number): Level {
  if (statusCode >= 500) return 'error';
  if (statusCode >= 400) return 'warn';
  return url === '/api/health' ? 'debug' : 'info';
}

/**
 * One JSON line per request when it completes (method, url, status, response time, request
 * id, workspace id once known); 4xx at warn, 5xx at error, a request whose client went away
 * before the answer at warn ("request aborted"). Health checks from load balancers and container
 * probes are logged at debug only.
 *
 * Written here rather than with pino-http: that made a child logger for every request (its
 * `req.log`, which nothing here uses), a measurable share of the server's CPU per webhook
 * under load (benchmarks.md). Call it after requestIdMiddleware, whose context it reads.
 */
export function createHttpLogger(logger: Logger) {
  return (request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    const started = performance.now();
    const context = requestContextOf(request);
    // As it came: routers rewrite request.url on the way (a mounted prefix is taken off).
    const url = request.url;
    let logged = false;
    const log = (aborted: boolean): void => {
      if (logged) return;
      logged = true;
      const statusCode = response.statusCode;
      const level: Level = aborted ? 'warn' : levelOf(url, statusCode);
      if (!logger.isLevelEnabled(level)) return;
      logger[level](
        {
          reqId: context?.requestId ?? '',
          ...(context?.workspaceId === undefined ? {} : { workspaceId: context.workspaceId }),
          req: { method: request.method, url, remoteAddress: request.socket.remoteAddress },
          res: { statusCode },
          responseTime: Math.round(performance.now() - started),
        },
        aborted ? 'request aborted' : 'request completed',
      );
    };
    response.once('finish', () => {
      log(false);
    });
    response.once('close', () => {
      log(!response.writableFinished);
    });
    next();
  };
}
