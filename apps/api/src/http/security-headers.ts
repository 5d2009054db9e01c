import type { IncomingMessage, ServerResponse } from 'node:http';

/** Headers on every response: no MIME sniffing, no referrer leaking URLs to other sites. */
export function securityHeadersMiddleware(_request: IncomingMessage, response: ServerResponse, next: () => void): void {
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  next();
}
