import type { OutboundMessage } from '@jornada/flow-engine';

/** One send, as the outbound processor hands it to a channel. */
export interface OutboundSend {
  readonly workspaceId: string;
  readonly conversationId: string;
  /** The `messages` row (direction out, status queued) this send delivers. */
  readonly messageId: string;
  readonly message: OutboundMessage;
  /**
   * The engine's effect id: the same on every retry of this send. Real providers must pass it
   * as their idempotency key (or dedupe on it before calling) so a retried job never delivers
   * the message twice; providers without one must record it before calling and check it after
   * a crash.
   */
  readonly idempotencyKey: string;
}

/**
 * Delivers outbound messages on one channel type. Throw JobError.user for a send that can never
 * succeed (invalid number, rejected template), JobError.transient for 429/5xx/timeouts.
 * Resolves once the provider accepted it (or had already, for this idempotency key), with the
 * provider's id of the message; the SendPerformer then records the message as sent under that
 * id (delivery and read receipts find it by it) and tells the conversation's streams.
 */
export interface ChannelAdapter {
  readonly channel: string;
  send(send: OutboundSend): Promise<{ readonly providerMessageId: string }>;
}

/** The channel adapters the outbound processor can use, by channel type. */
export abstract class ChannelAdapters {
  abstract get(channel: string): ChannelAdapter | undefined;
}
