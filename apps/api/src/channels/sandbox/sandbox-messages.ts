import type { SandboxFeedMessage } from './sandbox-feed.js';

export interface SandboxMessageRow {
  id: string;
  conversation_id: string;
  direction: 'in' | 'out';
  kind: string;
  content: Record<string, unknown>;
  status: string;
  provider_message_id: string | null;
  created_at: Date;
}

export const SANDBOX_MESSAGE_COLUMNS = `id, conversation_id, direction, kind, content, status, provider_message_id, created_at`;

export function toFeedMessage(row: SandboxMessageRow): SandboxFeedMessage {
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
