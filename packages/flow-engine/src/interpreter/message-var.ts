import type { Json } from '../schema/common.schema.js';
import type { InboundMessage } from '../session/events.js';
import { inboundAsText } from './nodes/inbound-text.js';

/** The `message` root templates and conditions see: the customer's latest message. */
export function messageVar(message: InboundMessage): Json {
  const id = message.kind === 'button' || message.kind === 'list' ? message.id : null;
  return { kind: message.kind, text: inboundAsText(message) ?? '', id };
}
