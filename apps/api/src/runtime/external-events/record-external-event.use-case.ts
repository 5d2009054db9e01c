import { Injectable } from '@nestjs/common';
import { QueueService } from '../../queues/queue.service.js';
import { Clock } from '../clock.js';
import { ExternalEventRepository, type ExternalEventContact } from './external-event.repository.js';

export interface RecordExternalEventCommand {
  readonly workspaceId: string;
  readonly name: string;
  /** The caller's idempotency key. */
  readonly externalId: string;
  readonly contact: ExternalEventContact;
  readonly data: Record<string, unknown>;
}

/**
 * Stores an external event under the caller's id, then enqueues it on `events`. Posting the
 * same id again (however often, however concurrently) finds it taken: a duplicate, enqueued
 * again by the same job id, which is a no-op while the job is kept (and the row's status
 * makes a late job a no-op after that). Enqueueing the duplicate too heals a first post whose
 * enqueue failed after the row was stored; a queue store that is down does not fail the post
 * (the row is stored: the recovery sweep enqueues it).
 */
@Injectable()
export class RecordExternalEventUseCase {
  constructor(
    private readonly events: ExternalEventRepository,
    private readonly queues: QueueService,
    private readonly clock: Clock,
  ) {}

  async execute(command: RecordExternalEventCommand): Promise<{ eventId: string; duplicate: boolean }> {
    const { workspaceId, externalId } = command;
    let eventId = await this.events.insert({ ...command, receivedAt: this.clock.now() });
    const duplicate = eventId === null;
    eventId ??= await this.events.findIdByExternalId({ workspaceId, externalId });
    if (eventId === null) throw new Error(`external event ${externalId} conflicted but cannot be found`);
    await this.queues.addAfterStore('events', { v: 1, externalEventId: eventId });
    return { eventId, duplicate };
  }
}
