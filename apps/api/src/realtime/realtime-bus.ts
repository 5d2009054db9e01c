import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import pg from 'pg';
import type { Logger } from 'pino';
import { DataSource, type EntityManager, type EntitySubscriberInterface } from 'typeorm';
import { ROOT_LOGGER } from '../config/app-config.js';
import type { Queryable } from '../runtime/runtime-sql.js';
import { parseRealtimePayload, REALTIME_CHANNEL, type RealtimeEvent } from './realtime-event.js';

export type RealtimeHandler = (event: RealtimeEvent) => void;

const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 10_000;
/** How long events wait to be sent together: one NOTIFY per batch, not one per event. */
const FLUSH_MS = 10;
/** NOTIFY payloads are limited to 8000 bytes. */
const MAX_PAYLOAD_BYTES = 7500;

/**
 * Realtime fan-out across processes, on Postgres LISTEN/NOTIFY — present in every deployment,
 * embedded or scaled, with or without Redis.
 *
 * Events are never NOTIFYed inside the transaction that caused them: PostgreSQL serialises the
 * commits of every transaction that notified (a database-wide lock held through the WAL flush),
 * which capped the whole runtime at a few dozen steps a second. Instead `notify` in a
 * transaction keeps the event until that transaction commits (a TypeORM commit hook; a
 * rollback drops it), and the events of the next few milliseconds leave together in one
 * NOTIFY of their own. Each process with subscribers keeps one listening connection, opened
 * with the first subscriber and re-opened with backoff if it drops.
 */
@Injectable()
export class RealtimeBus implements OnModuleInit, OnApplicationShutdown {
  private readonly handlers = new Map<string, Set<RealtimeHandler>>();
  private readonly pendingByTransaction = new WeakMap<object, RealtimeEvent[]>();
  private outgoing: RealtimeEvent[] = [];
  private flushTimer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private client: pg.Client | undefined;
  private connecting: Promise<void> | undefined;
  private reconnectDelay = RECONNECT_MIN_MS;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    const subscriber: EntitySubscriberInterface = {
      afterTransactionCommit: ({ queryRunner }) => {
        const events = this.pendingByTransaction.get(queryRunner);
        this.pendingByTransaction.delete(queryRunner);
        if (events !== undefined) this.send(events);
      },
      afterTransactionRollback: ({ queryRunner }) => {
        this.pendingByTransaction.delete(queryRunner);
      },
    };
    this.dataSource.subscribers.push(subscriber);
  }

  /** Announces an event: at once, or when `db`'s transaction commits (never if it rolls back). */
  notify(db: Queryable, event: RealtimeEvent): Promise<void> {
    const runner = (db as Partial<EntityManager>).queryRunner;
    if (runner?.isTransactionActive === true) {
      const events = this.pendingByTransaction.get(runner) ?? [];
      events.push(event);
      this.pendingByTransaction.set(runner, events);
    } else {
      this.send([event]);
    }
    return Promise.resolve();
  }

  /** Resolves once everything announced so far has been sent (tests, shutdown). */
  async drain(): Promise<void> {
    if (this.flushTimer !== undefined) {
      clearTimeout(this.flushTimer);
      this.flushTimer = undefined;
      this.flush();
    }
    await this.flushing;
  }

  private send(events: readonly RealtimeEvent[]): void {
    if (this.closed) return;
    this.outgoing.push(...events);
    this.flushTimer ??= setTimeout(() => {
      this.flushTimer = undefined;
      this.flush();
    }, FLUSH_MS);
  }

  private flush(): void {
    const batch = this.outgoing;
    this.outgoing = [];
    if (batch.length === 0) return;
    this.flushing = this.flushing.then(async () => {
      for (const payload of chunk(batch)) {
        await this.dataSource.query(`SELECT pg_notify($1, $2)`, [REALTIME_CHANNEL, payload]).catch((error: unknown) => {
          // Realtime is a convenience: a lost batch means a client re-reads later, never lost data.
          this.logger.warn({ err: error, events: batch.length }, 'Realtime events could not be sent');
        });
      }
    });
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
    await this.drain();
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
    for (const event of parseRealtimePayload(payload)) {
      for (const handler of [...(this.handlers.get(event.conversationId) ?? [])]) {
        try {
          handler(event);
        } catch (error) {
          this.logger.warn({ err: error }, 'A realtime subscriber failed');
        }
      }
    }
  }
}

/** JSON arrays of events, each within a NOTIFY payload's size. */
function chunk(events: readonly RealtimeEvent[]): string[] {
  const payloads: string[] = [];
  let current: string[] = [];
  let size = 2;
  for (const event of events) {
    const json = JSON.stringify(event);
    if (current.length > 0 && size + json.length + 1 > MAX_PAYLOAD_BYTES) {
      payloads.push(`[${current.join(',')}]`);
      current = [];
      size = 2;
    }
    current.push(json);
    size += json.length + 1;
  }
  if (current.length > 0) payloads.push(`[${current.join(',')}]`);
  return payloads;
}
