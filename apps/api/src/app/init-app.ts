import { RequestMethod } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/app-config.js';
import { AllExceptionsFilter, toErrorBody } from '../http/all-exceptions.filter.js';
import { ApiError } from '../http/api-error.js';
import { createBodyParsers } from '../http/body-parsers.js';
import { requestIdMiddleware } from '../http/request-id.js';
import { securityHeadersMiddleware } from '../http/security-headers.js';
import { createValidationPipe } from '../http/validation-pipe.js';
import { createHttpLogger } from '../logging/http-logger.js';
import { requestContextOf } from '../logging/request-context.js';
import { setupOpenApi } from '../openapi/setup-openapi.js';
import { createBuilderStatic } from '../site/builder-static.js';
import type { SitePaths } from '../site/site-paths.js';
import { API_VERSION } from './version.js';

/** REST lives under /api; these routes stay at the root. */
export const ROOT_ROUTES = [
  { path: '/', method: RequestMethod.GET },
  { path: 'docs/:slug', method: RequestMethod.GET },
  // Provider webhooks: /webhooks/<type>/<id> (channels, commerce integrations).
  { path: 'webhooks/{*path}', method: RequestMethod.ALL },
];

export interface ConfigureAppOptions {
  readonly config: AppConfig;
  readonly logger: Logger;
  readonly sitePaths: SitePaths;
}

/**
 * Everything between "Nest created the app" and "it may listen", shared by main.ts and the
 * tests' createTestApp() so both run the same HTTP pipeline: configure, init, then the last
 * handler (404 in the one error shape for paths outside /api, which Nest's own 404 does not
 * cover).
 */
export async function initApp(app: NestExpressApplication, options: ConfigureAppOptions): Promise<void> {
  configureApp(app, options);
  await app.init();
  app.use((request: Request, response: Response) => {
    const requestId = requestContextOf(request)?.requestId ?? '';
    const path = request.originalUrl.split('?', 1)[0] ?? '';
    const notFound = new ApiError({ status: 404, code: 'not_found', message: `No route for ${request.method} ${path}.` });
    response.status(404).setHeader('Cache-Control', 'no-store').json(toErrorBody(notFound, request, requestId));
  });
}

/**
 * A worker process (ROLE=worker) runs the queues; over HTTP it answers only the health check
 * (for the orchestrator's probes). Anything else goes to the api processes.
 */
function workerOnlyServesHealth(request: Request, response: Response, next: () => void): void {
  const path = request.path;
  if (path === '/api/health') {
    next();
    return;
  }
  const requestId = requestContextOf(request)?.requestId ?? '';
  const notFound = new ApiError({
    status: 404,
    code: 'not_found',
    message: `No route for ${request.method} ${path}: this process runs the queue workers (ROLE=worker) and serves /api/health only.`,
  });
  response.status(404).setHeader('Cache-Control', 'no-store').json(toErrorBody(notFound, request, requestId));
}

/**
 * Express middleware runs in this order, before any Nest route: request id + log context,
 * security headers, request log line, the built builder (when there is one), body parsers
 * (with their limit and error mapping). Then Nest: /api prefix, validation pipe, error
 * filter, OpenAPI.
 */
function configureApp(
  app: NestExpressApplication,
  { config, logger, sitePaths }: ConfigureAppOptions,
): void {
  app.disable('x-powered-by');
  app.use(requestIdMiddleware);
  app.use(securityHeadersMiddleware);
  app.use(createHttpLogger(logger));
  if (config.role === 'worker') app.use(workerOnlyServesHealth);
  if (sitePaths.builderDist !== undefined && sitePaths.builderIndex !== undefined) {
    for (const middleware of createBuilderStatic({ builderDist: sitePaths.builderDist, builderIndex: sitePaths.builderIndex })) app.use(middleware);
  }
  for (const parser of createBodyParsers({ limitBytes: config.bodyLimit.bytes, limitText: config.bodyLimit.text })) app.use(parser);

  app.setGlobalPrefix('api', { exclude: ROOT_ROUTES });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter(logger));
  setupOpenApi(app, { version: API_VERSION });
}
