import { API_VERSION } from '../../app/version.js';
import type { HttpRequestConfig } from '../../config/parse-config.js';
import type { AddressPolicy } from './address-policy.js';
import { MAX_REDIRECTS } from './redirect-plan.js';
import { MAX_TEXT_BODY_CHARS } from './response-body.js';

/** What the executor enforces; built from the configuration, replaced whole in tests. */
export interface HttpRequestSettings {
  readonly policy: AddressPolicy;
  /** HTTP_REQUEST_MAX_RESPONSE: decoded bytes read before the call is aborted. */
  readonly maxResponseBytes: number;
  readonly maxRequestBodyBytes: number;
  readonly maxRedirects: number;
  readonly maxTextChars: number;
  readonly userAgent: string;
  /**
   * Certificates trusted on top of Node's CA bundle. Empty in production (a private CA is
   * added to the whole process with NODE_EXTRA_CA_CERTS); tests trust their own server here.
   */
  readonly extraCaCertificates: readonly string[];
}

export const HTTP_REQUEST_SETTINGS = Symbol('HTTP_REQUEST_SETTINGS');

/** A rendered request body; larger payloads are not what a flow step sends. */
export const MAX_REQUEST_BODY_BYTES = 256 * 1024;
/** The flow schema's bounds for `timeoutMs` (default 10 s, at most 30 s), enforced again here. */
export const MIN_TIMEOUT_MS = 100;
export const MAX_TIMEOUT_MS = 30_000;
export const DEFAULT_TIMEOUT_MS = 10_000;

export function httpRequestSettings(config: HttpRequestConfig): HttpRequestSettings {
  return {
    policy: { allowPrivate: config.allowPrivate, allowedHosts: config.allowedHosts },
    maxResponseBytes: config.maxResponse.bytes,
    maxRequestBodyBytes: MAX_REQUEST_BODY_BYTES,
    maxRedirects: MAX_REDIRECTS,
    maxTextChars: MAX_TEXT_BODY_CHARS,
    userAgent: `Jornada/${API_VERSION}`,
    extraCaCertificates: [],
  };
}

/** The effect's timeout within the schema's bounds (a stored payload is not trusted blindly). */
export function clampTimeout(timeoutMs: number): number {
  if (!Number.isFinite(timeoutMs)) return DEFAULT_TIMEOUT_MS;
  return Math.min(Math.max(Math.trunc(timeoutMs), MIN_TIMEOUT_MS), MAX_TIMEOUT_MS);
}
