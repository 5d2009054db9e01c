/** A message of a conversation as the streams and the thread show it. */
export interface FeedMessage {
  readonly id: string;
  readonly conversationId: string;
  readonly direction: 'in' | 'out';
  readonly kind: string;
  readonly content: Record<string, unknown>;
  readonly status: string;
  readonly providerMessageId: string | null;
  readonly createdAt: string;
}

export interface FeedMessageRow {
  id: string;
  conversation_id: string;
  direction: 'in' | 'out';
  kind: string;
  content: Record<string, unknown>;
  status: string;
  provider_message_id: string | null;
  created_at: Date;
}

export const FEED_MESSAGE_COLUMNS = `id, conversation_id, direction, kind, content, status, provider_message_id, created_at`;

export function toFeedMessage(row: FeedMessageRow): FeedMessage {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    direction: row.direction,
    kind: row.kind,
    content: row.content,
    status: row.status,
    providerMessageId: row.provider_message_id,
    createdAt: row.created_at.toISOString(),
  };
}
