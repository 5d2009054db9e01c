/** The Postgres NOTIFY channel every process listens on. */
export const REALTIME_CHANNEL = 'jornada_realtime';

/**
 * What changed, by id only (a NOTIFY payload is limited to 8 KB, and rows are read by whoever
 * has a subscriber for them): a message stored or sent, a session stepped, a conversation's
 * status changed.
 */
export type RealtimeEvent =
  | { readonly type: 'message'; readonly workspaceId: string; readonly conversationId: string; readonly messageId: string }
  | { readonly type: 'session'; readonly workspaceId: string; readonly conversationId: string; readonly sessionId: string }
  | { readonly type: 'conversation'; readonly workspaceId: string; readonly conversationId: string };

const TYPES: ReadonlySet<string> = new Set(['message', 'session', 'conversation']);

/** Reads a NOTIFY payload (a batch: an array of events); what is not one of ours is left out. */
export function parseRealtimePayload(payload: string | undefined): RealtimeEvent[] {
  if (payload === undefined) return [];
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return [];
  }
  const items: unknown[] = Array.isArray(value) ? value : [value];
  return items.map(readRealtimeEvent).filter((event): event is RealtimeEvent => event !== null);
}

function readRealtimeEvent(value: unknown): RealtimeEvent | null {
  if (typeof value !== 'object' || value === null) return null;
  const event = value as Record<string, unknown>;
  if (typeof event['type'] !== 'string' || !TYPES.has(event['type'])) return null;
  if (typeof event['workspaceId'] !== 'string' || typeof event['conversationId'] !== 'string') return null;
  if (event['type'] === 'message' && typeof event['messageId'] !== 'string') return null;
  if (event['type'] === 'session' && typeof event['sessionId'] !== 'string') return null;
  return event as unknown as RealtimeEvent;
}
