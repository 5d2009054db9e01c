import type { InboundMessage } from '../../session/events.js';

/** The words of an inbound message, whatever its kind (a tapped button counts as its title). */
export function inboundAsText(message: InboundMessage): string | undefined {
  switch (message.kind) {
    case 'text':
      return message.text;
    case 'button':
    case 'list':
      return message.title;
    case 'media':
      return message.caption;
    case 'location':
      return message.name;
  }
}
