import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { ROOT_LOGGER } from '../../config/app-config.js';
import { classifyJobError } from '../../queues/job-error.js';
import { QUEUE_SETTINGS, type QueueSettings } from '../../queues/queue-settings.js';
import { QueueService, type JobContext } from '../../queues/queue.service.js';
import { Clock } from '../clock.js';
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
    private readonly clock: Clock,
    @Inject(QUEUE_SETTINGS) private readonly settings: QueueSettings,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    this.queues.registerProcessor('events', async ({ externalEventId }, context) => {
      await this.handle(externalEventId, context);
    });
  }

  async handle(externalEventId: string, context: JobContext = { jobId: '', attempt: 1 }): Promise<void> {
    const workspaceId = await this.events.findWorkspaceOf(externalEventId);
    if (workspaceId === null) {
      this.logger.warn({ externalEventId }, 'External event not found (deleted with its workspace?); job dropped');
      return;
    }
    try {
      const result = await this.processEvent.execute({ workspaceId, eventId: externalEventId });
      if (result.status === 'done') await this.afterStep.enqueue({ workspaceId, conversationIds: result.conversationIds });
    } catch (error) {
      // After the last attempt the event is marked failed with the reason: visible, and not re-enqueued by the sweep.
      const final = classifyJobError(error) !== 'transient' || context.attempt >= this.settings.policies.events.attempts;
      if (final) {
        const message = error instanceof Error ? error.message : String(error);
        await this.events
          .markFailed({ workspaceId, id: externalEventId, at: this.clock.now(), error: message })
          .catch((cause: unknown) => this.logger.warn({ err: cause, externalEventId }, 'Could not mark the external event failed'));
      }
      throw error;
    }
  }
}
