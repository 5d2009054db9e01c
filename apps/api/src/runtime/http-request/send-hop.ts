import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import { rootCertificates } from 'node:tls';
import { RefusedAddressError, type ConnectionGuard } from './connection-guard.js';
import { readBody, ResponseTooLargeError, UnsupportedEncodingError } from './read-body.js';

/** Node's default; larger response headers fail the request (HPE_HEADER_OVERFLOW). */
export const MAX_RESPONSE_HEADER_BYTES = 16 * 1024;

/** One request of a chain (the first, or one per redirect). */
export interface Hop {
  readonly url: URL;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer | undefined;
}

export interface HopResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: IncomingHttpHeaders;
  /** Decoded (decompressed); empty when the body was not wanted (a redirect). */
  readonly body: Buffer;
  /** The address the socket connected to. */
  readonly address: string | undefined;
}

export type HopErrorReason = 'refused_address' | 'invalid_request' | 'dns' | 'connect' | 'tls' | 'timeout' | 'network' | 'too_large' | 'bad_encoding' | 'invalid_response';

/** Why a hop failed, and whether any byte of the request may have reached the server. */
export class HopError extends Error {
  override readonly name = 'HopError';
  readonly reason: HopErrorReason;
  readonly reached: boolean;
  readonly code: string | undefined;

  constructor(message: string, { reason, reached, code }: { reason: HopErrorReason; reached: boolean; code?: string }) {
    super(message);
    this.reason = reason;
    this.reached = reached;
    this.code = code;
  }
}

/**
 * Sends one request over a fresh connection (no pooling: every connection goes through the
 * guard's lookup and check) and reads its response within `limit`. `signal` is the deadline
 * of the whole call. "Reached" becomes true once the transport is up (TCP for http, the TLS
 * handshake for https): only then can request bytes arrive at the server.
 */
export function sendHop({ hop, guard, signal, limit, wantsBody, extraCa }: { hop: Hop; guard: ConnectionGuard; signal: AbortSignal; limit: number; wantsBody: (status: number, headers: IncomingHttpHeaders) => boolean; extraCa: readonly string[] }): Promise<HopResponse> {
  const secure = hop.url.protocol === 'https:';
  const host = hop.url.hostname;
  let reached = false;
  return new Promise<HopResponse>((resolve, reject) => {
    const fail = (error: unknown): void => {
      reject(toHopError(error, { host, signal, reached }));
    };
    let request: http.ClientRequest;
    try {
      request = (secure ? https : http).request({
        hostname: host.startsWith('[') ? host.slice(1, -1) : host,
        port: hop.url.port === '' ? undefined : Number(hop.url.port),
        path: `${hop.url.pathname}${hop.url.search}`,
        method: hop.method,
        headers: hop.body === undefined ? hop.headers : { ...hop.headers, 'content-length': String(hop.body.length) },
        agent: false,
        lookup: guard.lookup,
        maxHeaderSize: MAX_RESPONSE_HEADER_BYTES,
        signal,
        // Certificates are verified against the host name (SNI and checkServerIdentity use it, not the address).
        ...(secure && extraCa.length > 0 ? { ca: [...rootCertificates, ...extraCa] } : {}),
      });
    } catch (error) {
      fail(error);
      return;
    }
    request.on('socket', (socket) => {
      socket.once('connect', () => {
        try {
          guard.verifyConnected(socket.remoteAddress);
        } catch (error) {
          request.destroy(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        if (!secure) reached = true;
      });
      if (secure) socket.once('secureConnect', () => (reached = true));
    });
    request.on('error', fail);
    request.on('response', (response) => {
      const status = response.statusCode ?? 0;
      const base = { status, statusText: response.statusMessage ?? '', headers: response.headers, address: guard.connectedAddress };
      if (!wantsBody(status, response.headers)) {
        response.destroy();
        resolve({ ...base, body: Buffer.alloc(0) });
        return;
      }
      readBody(response, { limit, signal }).then((body) => resolve({ ...base, body }), fail);
    });
    request.end(hop.body);
  });
}

const DNS_CODES = new Set(['ENOTFOUND', 'ENODATA', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'ESERVFAIL']);
const TLS_CODE = /^(ERR_TLS_|ERR_SSL_|ERR_OSSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH|ERR_TLS_CERT)/;

function toHopError(error: unknown, { host, signal, reached }: { host: string; signal: AbortSignal; reached: boolean }): HopError {
  if (error instanceof HopError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof RefusedAddressError) return new HopError(message, { reason: 'refused_address', reached: false });
  if (error instanceof ResponseTooLargeError) return new HopError(message, { reason: 'too_large', reached: true });
  if (error instanceof UnsupportedEncodingError) return new HopError(message, { reason: 'bad_encoding', reached: true });
  // Checked before codes: aborting the request surfaces as ECONNRESET or AbortError.
  if (signal.aborted) return new HopError('', { reason: 'timeout', reached });
  const code = errorCode(error);
  // Node refusing what we asked it to send (a header it will not write): nothing was sent.
  if (code?.startsWith('ERR_INVALID_') === true || code?.startsWith('ERR_HTTP_INVALID_') === true) {
    return new HopError(`The request cannot be sent: ${message}`, { reason: 'invalid_request', reached: false, code });
  }
  if (code !== undefined && DNS_CODES.has(code) && !reached) {
    return new HopError(`Could not resolve ${host} (${code}).`, { reason: 'dns', reached: false, code });
  }
  if (code === 'HPE_HEADER_OVERFLOW') return new HopError(`The response headers are larger than ${String(MAX_RESPONSE_HEADER_BYTES)} bytes.`, { reason: 'too_large', reached: true, code });
  if (code?.startsWith('HPE_') === true) return new HopError(`The server at ${host} did not answer valid HTTP (${code}).`, { reason: 'invalid_response', reached: true, code });
  if (code?.startsWith('Z_') === true || code === 'ERR_ZLIB_INITIALIZATION_FAILED') {
    return new HopError(`The response body could not be decompressed (${code}).`, { reason: 'invalid_response', reached: true, code });
  }
  if (code !== undefined && TLS_CODE.test(code)) return new HopError(`The TLS connection to ${host} failed: ${message} (${code}).`, { reason: 'tls', reached, code });
  if (!reached) return new HopError(`Could not connect to ${host}: ${message}${code === undefined ? '' : ` (${code})`}.`, { reason: 'connect', reached: false, code });
  return new HopError(`The connection to ${host} failed: ${message}${code === undefined ? '' : ` (${code})`}.`, { reason: 'network', reached: true, code });
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, errors } = error as { code?: unknown; errors?: unknown };
  if (typeof code === 'string') return code;
  // Happy-eyeballs (autoSelectFamily) failures are an AggregateError of each attempt's error.
  if (Array.isArray(errors)) return errorCode(errors[0]);
  return undefined;
}
