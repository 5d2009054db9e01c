import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { parseConfig } from '../../../src/config/parse-config.js';
import { HostResolver, type ResolvedAddress } from '../../../src/runtime/http-request/host-resolver.js';
import { HttpRequestExecutor, type HttpRequestEffect } from '../../../src/runtime/http-request/http-request.executor.js';
import { httpRequestSettings, type HttpRequestSettings } from '../../../src/runtime/http-request/http-request-settings.js';

/** A request a test server received: enough to assert what left the executor. */
export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

export interface TestServer {
  readonly host: string;
  readonly port: number;
  /** `http://host:port` (IPv6 in brackets). */
  readonly origin: string;
  readonly seen: SeenRequest[];
  /** Connections accepted, whether or not a request arrived on them. */
  connections: number;
  close(): Promise<void>;
}

type Handler = (request: IncomingMessage & { body: string }, response: ServerResponse) => void;

/** A real HTTP server on `host` (default 127.0.0.1) and a free port (or `port`), recording what it receives. */
export async function startServer(handler: Handler, host = '127.0.0.1', port = 0): Promise<TestServer> {
  const seen: SeenRequest[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
      handler(Object.assign(request, { body }), response);
    });
  });
  const state = { connections: 0 };
  server.on('connection', () => (state.connections += 1));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const bound = (server.address() as AddressInfo).port;
  const origin = host.includes(':') ? `http://[${host}]:${String(bound)}` : `http://${host}:${String(bound)}`;
  return Object.assign(state, {
    host,
    port: bound,
    origin,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

/**
 * A second local address to play "a public host" (allowed by an address range in the test's
 * allow-list) next to 127.0.0.1 playing "a private host" (not allowed): 127.0.0.2 on Linux,
 * ::1 where only 127.0.0.1 exists on the loopback (macOS).
 */
export async function publicLookingHost(): Promise<string> {
  for (const host of ['127.0.0.2', '::1']) {
    const probe = http.createServer();
    const ok = await new Promise<boolean>((resolve) => {
      probe.once('error', () => resolve(false));
      probe.listen(0, host, () => resolve(true));
    });
    if (ok) {
      await new Promise<void>((resolve) => probe.close(() => resolve()));
      return host;
    }
  }
  throw new Error('These tests need a second loopback address: 127.0.0.2 or ::1.');
}

/** DNS for tests: names to answers, each answer list used in turn (the last one repeats). */
export class ScriptedResolver extends HostResolver {
  readonly calls: string[] = [];
  constructor(private readonly answers: Readonly<Record<string, ReadonlyArray<readonly string[]>>>) {
    super();
  }
  resolve(hostname: string): Promise<readonly ResolvedAddress[]> {
    const turn = this.calls.filter((name) => name === hostname).length;
    this.calls.push(hostname);
    const script = this.answers[hostname];
    const answer = script?.[Math.min(turn, script.length - 1)];
    if (answer === undefined) return Promise.reject(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }));
    return Promise.resolve(answer.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
  }
}

/** Settings exactly as the server builds them from these environment variables. */
export function settingsFrom(env: Record<string, string>): HttpRequestSettings {
  return httpRequestSettings(parseConfig({ env, cwd: '/', installRoot: '/' }).httpRequest);
}

export interface Kit {
  readonly executor: HttpRequestExecutor;
  /** Every log line the executor wrote, raw (to prove no secret is in them). */
  readonly logText: () => string;
}

export function makeExecutor({ env = {}, resolver = new ScriptedResolver({}), settings }: { env?: Record<string, string>; resolver?: HostResolver; settings?: Partial<HttpRequestSettings> }): Kit {
  const lines: string[] = [];
  const logger = pino(
    { level: 'info' },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    }),
  );
  return { executor: new HttpRequestExecutor({ ...settingsFrom(env), ...settings }, resolver, logger), logText: () => lines.join('') };
}

let counter = 0;
/** An http_request effect as the engine emits it. */
export function effect(fields: Partial<HttpRequestEffect> & { url: string }): HttpRequestEffect {
  counter += 1;
  return { type: 'http_request', id: `sess:${String(counter)}`, nodeId: 'http', method: 'GET', headers: {}, timeoutMs: 5000, ...fields };
}

export const WORKSPACE = { workspaceId: '00000000-0000-4000-8000-000000000001' };
