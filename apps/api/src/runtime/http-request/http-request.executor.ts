import { Inject, Injectable } from '@nestjs/common';
import type { Effect } from '@jornada/flow-engine';
import type { Logger } from 'pino';
import { ROOT_LOGGER } from '../../config/app-config.js';
import type { JobErrorKind } from '../../queues/job-error.js';
import { ConnectionGuard, RefusedAddressError } from './connection-guard.js';
import { HostResolver } from './host-resolver.js';
import type { HttpFailureCode, HttpRequestLog, HttpRequestOutcome } from './http-request-outcome.js';
import { clampTimeout, HTTP_REQUEST_SETTINGS, type HttpRequestSettings } from './http-request-settings.js';
import { redactHeaders, redactUrl } from './redact.js';
import { isFollowedRedirect, planRedirect } from './redirect-plan.js';
import { buildRequestHeaders } from './request-headers.js';
import { parseRequestTarget } from './request-target.js';
import { parseResponseBody } from './response-body.js';
import { adviseRetry, parseRetryAfter, statusErrorClass } from './retry-advice.js';
import { HopError, sendHop, type Hop, type HopErrorReason, type HopResponse } from './send-hop.js';

export type HttpRequestEffect = Extract<Effect, { type: 'http_request' }>;

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

type LogDraft = { -readonly [K in keyof HttpRequestLog]: HttpRequestLog[K] };

/** What went wrong, before it becomes an outcome. */
interface Failure {
  readonly code: HttpFailureCode;
  readonly errorClass: JobErrorKind;
  readonly message: string;
  readonly reached: boolean;
}

/** How a hop's failure reads for the queue. DNS "no such host" will not fix itself; EAI_AGAIN may. */
const HOP_FAILURES: Readonly<Record<HopErrorReason, { code: HttpFailureCode; errorClass: JobErrorKind }>> = {
  refused_address: { code: 'forbidden_address', errorClass: 'user' },
  invalid_request: { code: 'invalid_request', errorClass: 'user' },
  dns: { code: 'dns_failure', errorClass: 'transient' },
  connect: { code: 'connect_failed', errorClass: 'transient' },
  tls: { code: 'tls_failed', errorClass: 'user' },
  timeout: { code: 'timeout', errorClass: 'transient' },
  network: { code: 'network_error', errorClass: 'transient' },
  too_large: { code: 'response_too_large', errorClass: 'user' },
  bad_encoding: { code: 'invalid_response', errorClass: 'user' },
  invalid_response: { code: 'invalid_response', errorClass: 'user' },
};
const MISSING_HOST_CODES = new Set(['ENOTFOUND', 'ENODATA', 'EAI_NONAME']);

/**
 * Performs the `http_request` effects of flows, safely: only http(s), no credentials in URLs,
 * no private, loopback, link-local, metadata… addresses unless configured (checked on the
 * address actually connected to, at every redirect), one deadline for the whole call, bounded
 * request and response sizes, secrets redacted from what it logs and returns. It never throws:
 * every problem is an outcome with a failure class for the queue (see HttpRequestOutcome).
 */
@Injectable()
export class HttpRequestExecutor {
  constructor(
    @Inject(HTTP_REQUEST_SETTINGS) private readonly settings: HttpRequestSettings,
    private readonly resolver: HostResolver,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  async execute(effect: HttpRequestEffect, { workspaceId }: { workspaceId: string }): Promise<HttpRequestOutcome> {
    const startedAt = performance.now();
    const method = effect.method.toUpperCase();
    const log: LogDraft = { method, url: redactUrl(effect.url), requestHeaders: redactHeaders(effect.headers), droppedHeaders: [], requestBytes: 0, redirects: [], durationMs: 0 };
    let outcome: HttpRequestOutcome;
    try {
      outcome = await this.perform(effect, method, log);
    } catch (error) {
      // A bug of ours, not the target's: say so rather than throw into the queue unclassified.
      outcome = this.failed(log, { code: 'invalid_request', errorClass: 'system', message: `Internal error: ${error instanceof Error ? error.message : String(error)}`, reached: false, method });
    }
    log.durationMs = Math.round(performance.now() - startedAt);
    const fields = { workspaceId, effectId: effect.id, nodeId: effect.nodeId, http: outcome.log };
    if (outcome.failure?.code === 'forbidden_address') this.logger.warn(fields, 'HTTP request refused');
    else this.logger.info(fields, outcome.ok ? 'HTTP request done' : 'HTTP request failed');
    return outcome;
  }

  private async perform(effect: HttpRequestEffect, method: string, log: LogDraft): Promise<HttpRequestOutcome> {
    const { settings } = this;
    if (!METHODS.has(method)) {
      return this.failed(log, { code: 'invalid_request', errorClass: 'system', message: `The method ${JSON.stringify(effect.method.slice(0, 20))} is not supported.`, reached: false, method });
    }
    const parsed = parseRequestTarget(effect.url);
    if (!parsed.ok) return this.failed(log, { code: 'invalid_url', errorClass: 'user', message: parsed.message, reached: false, method });
    const headers = buildRequestHeaders({ headers: effect.headers, body: effect.body, userAgent: settings.userAgent });
    if (!headers.ok) return this.failed(log, { code: 'invalid_request', errorClass: 'user', message: headers.message, reached: false, method });
    log.requestHeaders = redactHeaders(headers.headers);
    log.droppedHeaders = headers.dropped;
    const body = effect.body === undefined ? undefined : Buffer.from(effect.body, 'utf8');
    log.requestBytes = body?.length ?? 0;
    if (log.requestBytes > settings.maxRequestBodyBytes) {
      const message = `The request body is ${String(log.requestBytes)} bytes, more than the limit of ${String(settings.maxRequestBodyBytes)} bytes.`;
      return this.failed(log, { code: 'request_too_large', errorClass: 'user', message, reached: false, method });
    }
    const timeoutMs = clampTimeout(effect.timeoutMs);
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), timeoutMs);
    let target = parsed.target;
    let hop: Hop = { url: target.url, method, headers: headers.headers, body };
    let hops = 0;
    let reached = false;
    const redirects: Array<HttpRequestLog['redirects'][number]> = [];
    log.redirects = redirects;
    try {
      for (;;) {
        const guard = new ConnectionGuard({ policy: settings.policy, resolver: this.resolver, hostname: target.hostname });
        if (target.literal !== undefined) guard.checkLiteral(target.literal);
        hops += 1;
        const response = await sendHop({ hop, guard, signal: deadline.signal, limit: settings.maxResponseBytes, wantsBody: (status, h) => !isFollowedRedirect(status, h), extraCa: settings.extraCaCertificates });
        reached = true;
        log.address = response.address;
        const location = response.headers.location;
        if (location === undefined || !isFollowedRedirect(response.status, response.headers)) {
          return this.answered(log, { response, method, hops, idempotencyKey: 'idempotency-key' in headers.headers });
        }
        const plan = planRedirect({ hop, status: response.status, location, redirects: redirects.length, maxRedirects: settings.maxRedirects });
        if (!plan.ok) return this.failed(log, { code: plan.code, errorClass: 'user', message: plan.message, reached, method });
        redirects.push({ status: response.status, location: redactUrl(plan.hop.url) });
        hop = plan.hop;
        target = plan.target;
      }
    } catch (error) {
      if (error instanceof RefusedAddressError) return this.failed(log, { code: 'forbidden_address', errorClass: 'user', message: error.message, reached, method });
      if (!(error instanceof HopError)) throw error;
      const { code, errorClass } = HOP_FAILURES[error.reason];
      const missingHost = error.reason === 'dns' && error.code !== undefined && MISSING_HOST_CODES.has(error.code);
      const message = error.reason === 'timeout' ? timeoutMessage(timeoutMs, reached || error.reached) : error.message;
      return this.failed(log, { code, errorClass: missingHost ? 'user' : errorClass, message, reached: reached || error.reached, method, hops });
    } finally {
      clearTimeout(timer);
    }
  }

  /** The server answered (not a redirect we follow): 2xx is ok, anything else a failure with its status. */
  private answered(log: LogDraft, { response, method, hops, idempotencyKey }: { response: HopResponse; method: string; hops: number; idempotencyKey: boolean }): HttpRequestOutcome {
    const { status } = response;
    const contentType = response.headers['content-type'];
    const parsed = parseResponseBody({ bytes: response.body, contentType, maxTextChars: this.settings.maxTextChars });
    Object.assign(log, { status, contentType, responseBytes: response.body.length, responseKind: parsed.kind, truncated: parsed.truncated });
    const body = parsed.body === undefined ? {} : { body: parsed.body };
    if (status >= 200 && status < 300) return { ok: true, status, ...body, log };
    const errorClass = statusErrorClass(status);
    const error = `HTTP ${String(status)}${response.statusText === '' ? '' : ` ${response.statusText}`}`;
    log.error = { code: 'http_status', message: error };
    const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(headerText(response.headers['retry-after']), new Date()) : undefined;
    const retryAdvisable = adviseRetry({ errorClass, method, reached: true, status, hops, idempotencyKey });
    return {
      ok: false,
      status,
      ...body,
      error,
      failure: { code: 'http_status', errorClass, retryAdvisable, mayHaveReachedServer: true, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) },
      log,
    };
  }

  private failed(log: LogDraft, { method, hops = 1, ...failure }: Failure & { method: string; hops?: number }): HttpRequestOutcome {
    log.error = { code: failure.code, message: failure.message };
    const idempotencyKey = Object.keys(log.requestHeaders).includes('idempotency-key');
    const retryAdvisable = adviseRetry({ errorClass: failure.errorClass, method, reached: failure.reached, status: undefined, hops, idempotencyKey });
    return {
      ok: false,
      error: failure.message,
      failure: { code: failure.code, errorClass: failure.errorClass, retryAdvisable, mayHaveReachedServer: failure.reached },
      log,
    };
  }
}

function timeoutMessage(timeoutMs: number, reached: boolean): string {
  const when = reached ? 'the request was sent, so it may have been processed' : 'no connection was made';
  return `No complete answer within ${String(timeoutMs)} ms (${when}).`;
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
