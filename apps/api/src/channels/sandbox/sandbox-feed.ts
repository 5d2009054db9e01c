import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';

/** A message the sandbox channel just stored as sent (or received), as the stream shows it. */
export interface SandboxFeedMessage {
  readonly id: string;
  readonly conversationId: string;
  readonly direction: 'in' | 'out';
  readonly kind: string;
  readonly content: Record<string, unknown>;
  readonly status: string;
  readonly providerMessageId: string | null;
  readonly createdAt: string;
}

export interface SandboxFeedListener {
  message(message: SandboxFeedMessage): void;
  /** The app is shutting down: end the stream. */
  close(): void;
}

/**
 * The sandbox channel's realtime bus, in process: what the sandbox adapter sends is published
 * per conversation to the streams open on it. In-process only: with several api and worker
 * processes this needs a shared bus (Redis pub/sub or Postgres LISTEN/NOTIFY) — see the reply
 * of the issue; the embedded single process (ROLE=all) is served fully.
 */
@Injectable()
export class SandboxFeed implements BeforeApplicationShutdown {
  private readonly listeners = new Map<string, Set<SandboxFeedListener>>();

  subscribe(conversationId: string, listener: SandboxFeedListener): () => void {
    let set = this.listeners.get(conversationId);
    if (set === undefined) {
      set = new Set();
      this.listeners.set(conversationId, set);
    }
    set.add(listener);
    return () => this.unsubscribe(conversationId, listener);
  }

  unsubscribe(conversationId: string, listener: SandboxFeedListener): void {
    const set = this.listeners.get(conversationId);
    if (set === undefined) return;
    set.delete(listener);
    if (set.size === 0) this.listeners.delete(conversationId);
  }

  publish(message: SandboxFeedMessage): void {
    for (const listener of [...(this.listeners.get(message.conversationId) ?? [])]) listener.message(message);
  }

  /** Open streams would keep the HTTP server from closing: end them first. */
  beforeApplicationShutdown(): void {
    const all = [...this.listeners.values()].flatMap((set) => [...set]);
    this.listeners.clear();
    for (const listener of all) listener.close();
  }
}
