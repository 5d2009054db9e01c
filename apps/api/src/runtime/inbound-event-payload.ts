import type { InboundMessage } from '@jornada/flow-engine';

/**
 * What an inbound event carries once a channel adapter has parsed the provider's payload:
 * the customer's message in the engine's form, and what the provider says about the sender.
 * Stored as `inbound_events.payload`; `v` versions the layout for events that wait across a deploy.
 */
export interface InboundEventPayload {
  readonly v: 1;
  readonly message: InboundMessage;
  readonly contactName?: string;
}

const KINDS = new Set(['text', 'button', 'list', 'media', 'location']);

/** Reads a stored payload; null when it is not one this version understands (the event fails). */
export function parseInboundEventPayload(stored: unknown): InboundEventPayload | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const { v, message, contactName } = stored as Record<string, unknown>;
  if (v !== 1 || typeof message !== 'object' || message === null) return null;
  const kind = (message as Record<string, unknown>)['kind'];
  if (typeof kind !== 'string' || !KINDS.has(kind)) return null;
  return { v: 1, message: message as InboundMessage, ...(typeof contactName === 'string' ? { contactName } : {}) };
}
