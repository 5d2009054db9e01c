import type { Request } from 'express';

/**
 * The client address that login attempts are limited by: Express's `request.ip`, which is the
 * socket's peer unless the app is told to trust a proxy (`trust proxy`). Behind a reverse proxy
 * without that setting every client shares the proxy's address, and so its per-IP budget.
 */
export function clientIp(request: Request): string {
  return request.ip ?? request.socket.remoteAddress ?? 'unknown';
}
