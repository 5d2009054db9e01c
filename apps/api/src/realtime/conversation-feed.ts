import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RealtimeBus } from './realtime-bus.js';
import { FEED_MESSAGE_COLUMNS, toFeedMessage, type FeedMessage, type FeedMessageRow } from './feed-message.js';

export interface ConversationFeedListener {
  /** A message of the conversation was stored or changed (sent, delivered, failed). */
  message(message: FeedMessage): void;
  /** A session of the conversation stepped: re-read its state (the simulator's path and variables). */
  session?(event: { sessionId: string }): void;
  /** The conversation's status changed (handoff, resolved, handed back). */
  conversation?(): void;
  /** The app is shutting down: end the stream. */
  close(): void;
}

/**
 * A conversation as a stream, for the SSE routes and the WebSocket: the realtime bus's events
 * of one conversation, with messages read from Postgres (by this process, for its own
 * subscribers), delivered in the order their events came.
 */
@Injectable()
export class ConversationFeed implements BeforeApplicationShutdown {
  private readonly open = new Set<() => void>();
  private readonly listeners = new Set<ConversationFeedListener>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly bus: RealtimeBus,
  ) {}

  subscribe({ workspaceId, conversationId }: { workspaceId: string; conversationId: string }, listener: ConversationFeedListener): () => void {
    let chain: Promise<void> = Promise.resolve();
    const unsubscribe = this.bus.subscribe(conversationId, (event) => {
      if (event.workspaceId !== workspaceId) return;
      chain = chain.then(async () => {
        if (event.type === 'message') {
          const rows = await this.dataSource.query<FeedMessageRow[]>(`SELECT ${FEED_MESSAGE_COLUMNS} FROM messages WHERE id = $1 AND workspace_id = $2`, [event.messageId, workspaceId]);
          if (rows[0] !== undefined) listener.message(toFeedMessage(rows[0]));
        } else if (event.type === 'session') {
          listener.session?.({ sessionId: event.sessionId });
        } else {
          listener.conversation?.();
        }
      }).catch(() => undefined); // a failed read skips one event; the client re-reads on reconnect
    });
    const close = () => {
      unsubscribe();
      this.open.delete(close);
      this.listeners.delete(listener);
    };
    this.open.add(close);
    this.listeners.add(listener);
    return close;
  }

  /** Resolves once events reach this process (tests). */
  ready(): Promise<void> {
    return this.bus.ready();
  }

  /** Open streams would keep the HTTP server from closing: end them first. */
  beforeApplicationShutdown(): void {
    const listeners = [...this.listeners];
    for (const close of [...this.open]) close();
    for (const listener of listeners) listener.close();
  }
}
