import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Request } from 'express';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { WebSocketServer, type WebSocket } from 'ws';
import { Authenticator } from '../auth/authenticator.js';
import type { RequestPrincipal } from '../auth/request-principal.js';
import { APP_CONFIG, ROOT_LOGGER, type AppConfig } from '../config/app-config.js';
import { isUuid } from '../flows/keyset-cursor.js';
import { ApiError } from '../http/api-error.js';
import { can } from '../security/roles.js';
import { ConversationFeed } from './conversation-feed.js';

export const REALTIME_PATH = '/api/realtime';
const MAX_SUBSCRIPTIONS = 100;
const MAX_PAYLOAD_BYTES = 16 * 1024;
const HEARTBEAT_MS = 30_000;

type ClientMessage = { type: 'subscribe' | 'unsubscribe'; conversationId: string };

/**
 * The realtime WebSocket at `/api/realtime` (the builder's simulator, the inbox): sign in as for
 * any route (session cookie, bearer token or API key; the workspace as `?workspaceId=`, since
 * browsers cannot set headers on a WebSocket), then
 *   → {"type":"subscribe","conversationId":"…"}  /  {"type":"unsubscribe",…}
 *   ← {"type":"subscribed",…}, {"type":"message","message":{…}}, {"type":"session","conversationId","sessionId"},
 *     {"type":"conversation","conversationId"}, {"type":"error","code","message"}
 * Events come from every process (RealtimeBus). A conversation is readable with
 * `conversations.read`, a simulation also with `flows.read`. After a reconnect, re-read what
 * you show: events are not replayed.
 */
@Injectable()
export class RealtimeGateway implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private server: WebSocketServer | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private readonly alive = new WeakSet<WebSocket>();

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly authenticator: Authenticator,
    private readonly feed: ConversationFeed,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.role === 'worker') return;
    const http = this.adapterHost.httpAdapter.getHttpServer() as Server;
    const server = new WebSocketServer({ noServer: true, maxPayload: MAX_PAYLOAD_BYTES });
    this.server = server;
    http.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      void this.upgrade(request, socket, head);
    });
    this.heartbeat = setInterval(() => {
      for (const client of server.clients) {
        if (!this.alive.has(client)) {
          client.terminate();
          continue;
        }
        this.alive.delete(client);
        client.ping();
      }
    }, HEARTBEAT_MS);
  }

  beforeApplicationShutdown(): void {
    clearInterval(this.heartbeat);
    for (const client of this.server?.clients ?? []) client.close(1001, 'server shutting down');
    this.server?.close();
  }

  private async upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== REALTIME_PATH || this.server === undefined) {
      refuse(socket, 404, 'Not Found');
      return;
    }
    let principal: RequestPrincipal | null;
    try {
      const workspaceId = url.searchParams.get('workspaceId');
      if (workspaceId !== null) request.headers['x-workspace-id'] = workspaceId;
      principal = await this.authenticator.authenticate(request as Request);
    } catch (error) {
      refuse(socket, error instanceof ApiError ? error.getStatus() : 500, error instanceof ApiError ? error.message : 'Internal Server Error');
      return;
    }
    if (principal === null) {
      refuse(socket, 401, 'Unauthorized');
      return;
    }
    const signedIn = principal;
    this.server.handleUpgrade(request, socket, head, (client) => this.serve(client, signedIn));
  }

  private serve(client: WebSocket, principal: RequestPrincipal): void {
    const subscriptions = new Map<string, () => void>();
    this.alive.add(client);
    client.on('pong', () => this.alive.add(client));
    const send = (payload: unknown) => {
      if (client.readyState === client.OPEN) client.send(JSON.stringify(payload));
    };
    // One client message at a time, in order: a subscribe then an unsubscribe must not cross.
    let queue: Promise<void> = Promise.resolve();
    client.on('message', (data) => {
      const raw = data.toString();
      queue = queue.then(() =>
        this.handle({ principal, raw, subscriptions, send, closed: () => client.readyState !== client.OPEN }).catch((error: unknown) => {
          this.logger.warn({ err: error }, 'Realtime message failed');
          send({ type: 'error', code: 'internal_error', message: 'Something went wrong.' });
        }),
      );
    });
    client.on('close', () => {
      for (const unsubscribe of subscriptions.values()) unsubscribe();
      subscriptions.clear();
    });
  }

  private async handle({
    principal,
    raw,
    subscriptions,
    send,
    closed,
  }: {
    principal: RequestPrincipal;
    raw: string;
    subscriptions: Map<string, () => void>;
    send: (payload: unknown) => void;
    closed: () => boolean;
  }): Promise<void> {
    const message = parseClientMessage(raw);
    if (message === null) {
      send({ type: 'error', code: 'bad_message', message: 'Send {"type":"subscribe"|"unsubscribe","conversationId":"<uuid>"}.' });
      return;
    }
    const { conversationId } = message;
    if (message.type === 'unsubscribe') {
      subscriptions.get(conversationId)?.();
      subscriptions.delete(conversationId);
      send({ type: 'unsubscribed', conversationId });
      return;
    }
    if (subscriptions.has(conversationId)) {
      send({ type: 'subscribed', conversationId });
      return;
    }
    if (subscriptions.size >= MAX_SUBSCRIPTIONS) {
      send({ type: 'error', code: 'too_many_subscriptions', message: `At most ${String(MAX_SUBSCRIPTIONS)} conversations per connection.`, conversationId });
      return;
    }
    const allowed = await this.mayRead(principal, conversationId);
    if (closed()) return; // the socket closed while we looked: subscribing now would leak
    if (!allowed) {
      send({ type: 'error', code: 'not_found', message: 'Conversation not found.', conversationId });
      return;
    }
    const scope = { workspaceId: principal.workspaceId, conversationId };
    subscriptions.set(
      conversationId,
      this.feed.subscribe(scope, {
        message: (stored) => send({ type: 'message', message: stored }),
        session: ({ sessionId }) => send({ type: 'session', conversationId, sessionId }),
        conversation: () => send({ type: 'conversation', conversationId }),
        close: () => undefined,
      }),
    );
    await this.feed.ready();
    send({ type: 'subscribed', conversationId });
  }

  private async mayRead(principal: RequestPrincipal, conversationId: string): Promise<boolean> {
    const rows = await this.dataSource.query<{ simulation: boolean }[]>(
      `SELECT simulated_flow_id IS NOT NULL AS simulation FROM conversations WHERE id = $1 AND workspace_id = $2`,
      [conversationId, principal.workspaceId],
    );
    const row = rows[0];
    if (row === undefined) return false;
    return can(principal.role, 'conversations.read') || (row.simulation && can(principal.role, 'flows.read'));
  }
}

function parseClientMessage(raw: string): ClientMessage | null {
  try {
    const value = JSON.parse(raw) as Partial<ClientMessage> | null;
    if (value === null || (value.type !== 'subscribe' && value.type !== 'unsubscribe')) return null;
    if (typeof value.conversationId !== 'string' || !isUuid(value.conversationId)) return null;
    return { type: value.type, conversationId: value.conversationId };
  } catch {
    return null;
  }
}

/** Answers an upgrade request with a plain HTTP status and closes the socket. */
function refuse(socket: Duplex, status: number, message: string): void {
  const body = JSON.stringify({ error: { status, message } });
  socket.end(`HTTP/1.1 ${String(status)} ${status === 401 ? 'Unauthorized' : status === 404 ? 'Not Found' : 'Error'}\r\nContent-Type: application/json\r\nContent-Length: ${String(Buffer.byteLength(body))}\r\nConnection: close\r\n\r\n${body}`);
}
