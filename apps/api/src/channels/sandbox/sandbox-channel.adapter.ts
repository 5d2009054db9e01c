import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JobError } from '../../queues/job-error.js';
import { RealtimeBus } from '../../realtime/realtime-bus.js';
import type { ChannelAdapter, OutboundSend } from '../../runtime/processing/channel-adapter.js';

/**
 * The sandbox channel (our own, for the builder's simulator and the tests): "sending" stores the
 * message as sent — status `sent`, provider id `sandbox-<effect id>` — and pushes it to the
 * conversation's open streams. The idempotency key makes a retried send a no-op: the row is
 * updated only while queued, and only that first update is published.
 */
@Injectable()
export class SandboxChannelAdapter implements ChannelAdapter {
  readonly channel = 'sandbox';

  constructor(
    private readonly dataSource: DataSource,
    private readonly bus: RealtimeBus,
  ) {}

  async send(send: OutboundSend): Promise<{ providerMessageId: string }> {
    const providerMessageId = `sandbox-${send.idempotencyKey}`;
    // An UPDATE answers [rows, count] through TypeORM's query().
    const [rows] = await this.dataSource.query<[{ id: string }[], number]>(
      `UPDATE messages SET status = 'sent', provider_message_id = $3, sent_at = clock_timestamp() WHERE id = $1 AND workspace_id = $2 AND status = 'queued' RETURNING id`,
      [send.messageId, send.workspaceId, providerMessageId],
    );
    if (rows[0] !== undefined) {
      await this.bus.notify(this.dataSource, { type: 'message', workspaceId: send.workspaceId, conversationId: send.conversationId, messageId: send.messageId });
      return { providerMessageId };
    }
    const current = await this.dataSource.query<{ provider_message_id: string | null; status: string }[]>(
      `SELECT provider_message_id, status FROM messages WHERE id = $1 AND workspace_id = $2`,
      [send.messageId, send.workspaceId],
    );
    if (current[0]?.provider_message_id === providerMessageId) return { providerMessageId }; // sent by an earlier try
    throw JobError.user(current[0] === undefined ? `message ${send.messageId} no longer exists` : `message ${send.messageId} is ${current[0].status}, not queued`);
  }
}
