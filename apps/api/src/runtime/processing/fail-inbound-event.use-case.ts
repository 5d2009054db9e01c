import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../clock.js';
import { InboundEventRepository } from '../inbound-event.repository.js';
import { ProcessInboundEventUseCase } from '../process-inbound-event.use-case.js';

export interface FailInboundEventResult {
  /** Events of the batch processed one by one (the culprit was an earlier one). */
  readonly processed: readonly string[];
  /** Events marked failed: they will never be stepped, and no longer hold back their sender. */
  readonly failed: readonly string[];
}

/**
 * After an inbound job's last attempt: the event, and possibly a pending predecessor processed in
 * its batch, cannot be processed. So that the sender's later events are not blocked behind it
 * forever (ProcessInboundEventUseCase steps only `received` events, oldest first), each pending
 * event up to this one is tried alone, oldest first; the ones that still fail are marked
 * `failed` with the error. The one that broke the batch fails; the innocent ones are processed.
 */
@Injectable()
export class FailInboundEventUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: InboundEventRepository,
    private readonly processInbound: ProcessInboundEventUseCase,
    private readonly clock: Clock,
  ) {}

  async execute({ workspaceId, eventId, error }: { workspaceId: string; eventId: string; error: string }): Promise<FailInboundEventResult> {
    const event = await this.events.findById(this.dataSource, { workspaceId, id: eventId });
    if (event === null || event.status !== 'received') return { processed: [], failed: [] };
    const pending = await this.events.listPendingUpTo(this.dataSource, event);
    const processed: string[] = [];
    const failed: string[] = [];
    for (const next of pending) {
      try {
        const result = await this.processInbound.execute({ workspaceId, eventId: next.id });
        processed.push(...result.processed.map((p) => p.eventId));
      } catch (cause) {
        const message = next.id === eventId ? error : cause instanceof Error ? cause.message : String(cause);
        const [, count] = await this.dataSource.query<[unknown[], number]>(
          `UPDATE inbound_events SET status = 'failed', processed_at = $3, error = $4 WHERE id = $1 AND workspace_id = $2 AND status IS NOT DISTINCT FROM 'received'`,
          [next.id, workspaceId, this.clock.now(), message.slice(0, 2000)],
        );
        if (count > 0) failed.push(next.id);
      }
    }
    return { processed, failed };
  }
}
