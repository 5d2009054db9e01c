import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { ROOT_LOGGER } from '../../config/app-config.js';
import { QueueService } from '../../queues/queue.service.js';
import { AfterStepEnqueuer } from './after-step-enqueuer.js';
import { ExternalEventRepository } from './external-event.repository.js';
import { ProcessExternalEventUseCase } from './process-external-event.use-case.js';

/**
 * The `events` queue's processor: routes the stored event (ProcessExternalEventUseCase), then,
 * once that has committed, hands the outbox rows and timers it produced to their queues.
 * A failure before the commit leaves the event `received` and the job is retried; the enqueue
 * after it is idempotent (job ids), so a retry after a crash there only re-adds.
 */
@Injectable()
export class ExternalEventsProcessor implements OnModuleInit {
  constructor(
    private readonly queues: QueueService,
    private readonly events: ExternalEventRepository,
    private readonly processEvent: ProcessExternalEventUseCase,
    private readonly afterStep: AfterStepEnqueuer,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    this.queues.registerProcessor('events', async ({ externalEventId }) => {
      await this.handle(externalEventId);
    });
  }

  async handle(externalEventId: string): Promise<void> {
    const workspaceId = await this.events.findWorkspaceOf(externalEventId);
    if (workspaceId === null) {
      this.logger.warn({ externalEventId }, 'External event not found (deleted with its workspace?); job dropped');
      return;
    }
    const result = await this.processEvent.execute({ workspaceId, eventId: externalEventId });
    if (result.status === 'done') await this.afterStep.enqueue({ workspaceId, conversationIds: result.conversationIds });
  }
}
