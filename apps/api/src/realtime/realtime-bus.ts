import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { ROOT_LOGGER } from '../config/app-config.js';
import type { Queryable } from '../runtime/runtime-sql.js';
import { parseRealtimeEvent, REALTIME_CHANNEL, type RealtimeEvent } from './realtime-event.js';

export type RealtimeHandler = (event: RealtimeEvent) => void;

const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 10_000;

/**
 * Realtime fan-out across processes, on Postgres LISTEN/NOTIFY — present in every deployment,
 * embedded or scaled, with or without Redis. `notify` inside a transaction is delivered when it
 * commits (never for work that rolled back), so a step announces itself exactly when its rows
 * are visible. Each process that has subscribers keeps one listening connection, opened with
 * the first subscriber and re-opened with backoff if it drops; handlers get every event of the
 * conversations they subscribed to, from whichever process wrote it.
 */
@Injectable()
export class RealtimeBus implements OnApplicationShutdown {
  private readonly handlers = new Map<string, Set<RealtimeHandler>>();
  private client: pg.Client | undefined;
  private connecting: Promise<void> | undefined;
  private reconnectDelay = RECONNECT_MIN_MS;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  /** Announces an event; in a transaction, it leaves at commit. */
  async notify(db: Queryable, event: RealtimeEvent): Promise<void> {
    await db.query(`SELECT pg_notify($1, $2)`, [REALTIME_CHANNEL, JSON.stringify(event)]);
  }

  /** Calls `handler` for every event of the conversation until the returned function is called. */
  subscribe(conversationId: string, handler: RealtimeHandler): () => void {
    let set = this.handlers.get(conversationId);
    if (set === undefined) {
      set = new Set();
      this.handlers.set(conversationId, set);
    }
    set.add(handler);
    void this.ensureListening();
    return () => {
      const current = this.handlers.get(conversationId);
      current?.delete(handler);
      if (current?.size === 0) this.handlers.delete(conversationId);
    };
  }

  /** Resolves once this process listens (tests wait for it before they make events happen). */
  async ready(): Promise<void> {
    await this.ensureListening();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    this.handlers.clear();
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private ensureListening(): Promise<void> {
    if (this.closed || this.client !== undefined) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const { url } = this.dataSource.options as { url?: string };
    const client = new pg.Client({ connectionString: url, application_name: 'jornada-realtime' });
    client.on('notification', (message) => this.deliver(message.payload));
    client.on('error', (error) => {
      this.logger.warn({ err: error }, 'Realtime listener connection failed; reconnecting');
      this.dropAndReconnect(client);
    });
    client.on('end', () => this.dropAndReconnect(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${REALTIME_CHANNEL}`);
      if (this.closed) {
        await client.end();
        return;
      }
      this.client = client;
      this.reconnectDelay = RECONNECT_MIN_MS;
    } catch (error) {
      this.logger.warn({ err: error }, 'Realtime listener could not connect; retrying');
      await client.end().catch(() => undefined);
      this.scheduleReconnect();
    }
  }

  private dropAndReconnect(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = undefined;
    void client.end().catch(() => undefined);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.handlers.size === 0 || this.reconnectTimer !== undefined) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      void this.ensureListening();
    }, this.reconnectDelay);
    this.reconnectDelay = Math.min(this.reconnectDelay * 2, RECONNECT_MAX_MS);
  }

  private deliver(payload: string | undefined): void {
    const event = parseRealtimeEvent(payload);
    if (event === null) return;
    for (const handler of [...(this.handlers.get(event.conversationId) ?? [])]) {
      try {
        handler(event);
      } catch (error) {
        this.logger.warn({ err: error }, 'A realtime subscriber failed');
      }
    }
  }
}
