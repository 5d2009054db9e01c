import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { CURRENT_SCHEMA_VERSION } from '@jornada/flow-engine';
import { readDocPage } from './docs-route.js';
import { renderLandingPage } from './landing-page.js';
import { sendHtml, sendJson, sendJsonError, sendText } from './respond.js';

export interface ApiServerOptions {
  /** Folder holding README.md and docs/ (the repository root); docs pages 404 without it. */
  readonly docsRoot?: string;
  /** Where unexpected request errors are reported. */
  readonly logError?: (message: string, error: unknown) => void;
}

const READ_METHODS = new Set(['GET', 'HEAD']);

/**
 * Creates the HTTP server of the API, not yet listening. A plain `node:http` server for now:
 * the landing page, `/api/health`, and JSON 404s under `/api`. NestJS replaces the routing
 * when the REST API lands; the public paths stay.
 */
export function createApiServer(options: ApiServerOptions = {}): Server {
  const logError = options.logError ?? ((message, error) => console.error(message, error));
  return createServer((request, response) => {
    handleRequest(request, response, options).catch((error: unknown) => {
      logError(`Unhandled error on ${request.method ?? '?'} ${request.url ?? '?'}`, error);
      if (!response.headersSent) {
        sendJsonError(response, 500, 'Internal Server Error', 'Unexpected error; it has been logged.');
      } else {
        response.destroy();
      }
    });
  });
}

async function handleRequest(
  request: IncomingMessage,
  response: ServerResponse,
  options: ApiServerOptions,
): Promise<void> {
  const method = request.method ?? 'GET';
  const pathname = (request.url ?? '/').split('?', 1)[0] ?? '/';

  if (pathname === '/api' || pathname.startsWith('/api/')) {
    if (pathname === '/api/health') {
      if (!allowRead(method, response, true)) return;
      sendJson(response, 200, { status: 'ok', engine: { schemaVersion: CURRENT_SCHEMA_VERSION } });
      return;
    }
    sendJsonError(response, 404, 'Not Found', `No route for ${method} ${pathname}`);
    return;
  }

  if (pathname === '/' || pathname === '/index.html') {
    if (!allowRead(method, response, false)) return;
    sendHtml(response, 200, renderLandingPage({ schemaVersion: CURRENT_SCHEMA_VERSION }));
    return;
  }

  const docSlug = /^\/docs\/([a-z-]+)$/.exec(pathname)?.[1];
  if (docSlug !== undefined && options.docsRoot !== undefined) {
    if (!allowRead(method, response, false)) return;
    const text = await readDocPage(options.docsRoot, docSlug);
    if (text !== undefined) {
      sendText(response, 200, text);
      return;
    }
  }

  sendText(response, 404, 'Not found. The Jornada landing page is at /.\n');
}

/** Answers 405 (with `Allow`) unless the method only reads. */
function allowRead(method: string, response: ServerResponse, json: boolean): boolean {
  if (READ_METHODS.has(method)) return true;
  response.setHeader('Allow', 'GET, HEAD');
  if (json) sendJsonError(response, 405, 'Method Not Allowed', `${method} is not allowed here; use GET.`);
  else sendText(response, 405, `${method} is not allowed here; use GET.\n`);
  return false;
}
