import { Module } from '@nestjs/common';
import { ContactsModule } from '../../contacts/contacts.module.js';
import { QueuesModule } from '../../queues/queues.module.js';
import { RuntimeModule } from '../runtime.module.js';
import { RuntimeDispatcher } from '../processing/runtime-dispatcher.js';
import { RuntimeProcessingModule } from '../processing/runtime-processing.module.js';
import { AfterStepEnqueuer } from './after-step-enqueuer.js';
import { CommerceFlowStarter } from './commerce-flow-starter.js';
import { ExternalContactResolver } from './external-contact-resolver.js';
import { ExternalEventRepository } from './external-event.repository.js';
import { ExternalEventsProcessor } from './external-events.processor.js';
import { ProcessExternalEventUseCase } from './process-external-event.use-case.js';
import { RecordExternalEventUseCase } from './record-external-event.use-case.js';

/**
 * External and commerce events: store once (RecordExternalEventUseCase), route on the
 * `events` queue to the sessions waiting for them and the flows they start.
 */
@Module({
  imports: [RuntimeModule, RuntimeProcessingModule, ContactsModule, QueuesModule],
  providers: [
    ExternalEventRepository,
    ExternalContactResolver,
    CommerceFlowStarter,
    RecordExternalEventUseCase,
    ProcessExternalEventUseCase,
    {
      provide: AfterStepEnqueuer,
      inject: [RuntimeDispatcher],
      useFactory: (dispatcher: RuntimeDispatcher): AfterStepEnqueuer => ({ enqueue: ({ conversationIds }) => dispatcher.dispatchConversations(conversationIds) }),
    },
    ExternalEventsProcessor,
  ],
  exports: [RecordExternalEventUseCase, ProcessExternalEventUseCase, ExternalEventRepository, AfterStepEnqueuer],
})
export class ExternalEventsModule {}
