import type { Request, Response } from 'express';
import { clearSessionCookie, serializeSessionCookie } from '../../security/index.js';
import { SESSION_LIFETIME_MS } from './session-settings.js';

/**
 * Whether the session cookie gets `Secure`: in production always, otherwise when the request
 * came over HTTPS, directly or through a proxy that says so (`X-Forwarded-Proto: https`).
 * Trusting that header is safe here: it can only make the cookie stricter.
 */
export function isSecureRequest(request: Request, production: boolean): boolean {
  if (production || request.secure) return true;
  const forwarded = request.headers['x-forwarded-proto'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim().toLowerCase();
  return first === 'https';
}

/** Sets the session cookie (HttpOnly, SameSite=Lax, Path=/, 30 days; see security/cookie.ts). */
export function writeSessionCookie(response: Response, token: string, secure: boolean): void {
  response.append('Set-Cookie', serializeSessionCookie(token, { secure, maxAgeSeconds: Math.floor(SESSION_LIFETIME_MS / 1000) }));
}

export function writeClearedSessionCookie(response: Response, secure: boolean): void {
  response.append('Set-Cookie', clearSessionCookie({ secure }));
}
