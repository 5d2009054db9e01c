import { Injectable } from '@nestjs/common';
import { CHANNEL_TYPES, type InboundMessage } from '@jornada/flow-engine';
import { ApiError } from '../http/api-error.js';
import { Clock } from './clock.js';
import { InboundEventRepository } from './inbound-event.repository.js';
import type { InboundEventPayload } from './inbound-event-payload.js';

export interface RecordInboundEventCommand {
  readonly workspaceId: string;
  /** Channel type (whatsapp, sandbox…). */
  readonly channel: string;
  /** The provider's unique id for this delivery (WhatsApp: the message's wamid). */
  readonly providerKey: string;
  /** The sender's id on the channel (E.164 phone, provider user id): the ordering key. */
  readonly sender: string;
  readonly message: InboundMessage;
  readonly contactName?: string;
}

/**
 * Stores an inbound event under its unique key before the webhook is acknowledged. A
 * redelivery (however many, however concurrent) finds the key taken and reports a duplicate:
 * only the first insert wins, so the event is enqueued and processed once.
 */
@Injectable()
export class RecordInboundEventUseCase {
  constructor(
    private readonly events: InboundEventRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: RecordInboundEventCommand): Promise<{ eventId: string; duplicate: boolean }> {
    if (!(CHANNEL_TYPES as readonly string[]).includes(command.channel)) {
      throw new ApiError({ status: 400, code: 'unknown_channel', message: `Unknown channel type "${command.channel}".`, details: [{ field: 'channel', message: `one of ${CHANNEL_TYPES.join(', ')}` }] });
    }
    const payload: InboundEventPayload = { v: 1, message: command.message, ...(command.contactName !== undefined ? { contactName: command.contactName } : {}) };
    const key = { workspaceId: command.workspaceId, channel: command.channel, providerKey: command.providerKey };
    const eventId = await this.events.insert({ ...key, sender: command.sender, payload, receivedAt: this.clock.now() });
    if (eventId !== null) return { eventId, duplicate: false };
    const existing = await this.events.findByKey(key);
    if (existing === null) throw new Error(`inbound event ${command.providerKey} conflicted but cannot be found`);
    return { eventId: existing, duplicate: true };
  }
}
