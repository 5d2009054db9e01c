import type { NextFunction, Request, Response } from 'express';
import express from 'express';

/** Paths that belong to the server, never to the single-page app. */
const SERVER_PATHS = /^\/(api|webhooks|docs)(\/|$)/;

/**
 * Serves the built builder: its files (hashed assets cached for a year), and its index.html
 * for any other GET that a browser navigates to (client-side routes such as /flows/123).
 */
export function createBuilderStatic({ builderDist, builderIndex }: { builderDist: string; builderIndex: string }) {
  const files = express.static(builderDist, {
    index: false,
    fallthrough: true,
    setHeaders: (response, file) => {
      if (/[.-][0-9a-zA-Z_-]{8,}\.(js|css|woff2?|png|svg|jpg|webp)$/.test(file)) {
        response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      }
    },
  });
  const spaFallback = (request: Request, response: Response, next: NextFunction): void => {
    const wantsPage = (request.method === 'GET' || request.method === 'HEAD') && request.accepts(['html', 'json']) === 'html';
    if (!wantsPage || SERVER_PATHS.test(request.path)) {
      next();
      return;
    }
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(builderIndex);
  };
  const assets = (request: Request, response: Response, next: NextFunction): void => {
    if (SERVER_PATHS.test(request.path)) next();
    else files(request, response, next);
  };
  return [assets, spaFallback];
}
