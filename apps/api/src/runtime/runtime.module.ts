import { Module } from '@nestjs/common';
import { ContactsModule } from '../contacts/contacts.module.js';
import { Clock, SystemClock } from './clock.js';
import { ContactResolver } from './contact-resolver.js';
import { ConversationRepository } from './conversation.repository.js';
import { FindDueTimersQuery } from './find-due-timers.query.js';
import { FireTimerUseCase } from './fire-timer.use-case.js';
import { FlowSessionRepository } from './flow-session.repository.js';
import { InboundEventRepository } from './inbound-event.repository.js';
import { InboundStepBatch } from './inbound-step-batch.js';
import { InboundStepBatchRepository } from './inbound-step-batch.repository.js';
import { InlineSendClaims } from './inline-send-claims.js';
import { ProcessInboundEventUseCase } from './process-inbound-event.use-case.js';
import { PublishedFlows } from './published-flows.js';
import { RecordInboundEventUseCase } from './record-inbound-event.use-case.js';
import { SessionContextReader } from './session-context.reader.js';
import { SessionStepper } from './session-stepper.js';
import { StartFlowUseCase } from './start-flow.use-case.js';
import { StepWriter } from './step-writer.js';

/**
 * The conversation runtime's transactional core: record inbound events, step sessions, fire
 * timers. No queue here: the queue processors call the exported use cases.
 */
@Module({
  imports: [ContactsModule],
  providers: [
    { provide: Clock, useClass: SystemClock },
    InboundEventRepository,
    ConversationRepository,
    FlowSessionRepository,
    PublishedFlows,
    ContactResolver,
    SessionContextReader,
    InlineSendClaims,
    StepWriter,
    SessionStepper,
    RecordInboundEventUseCase,
    ProcessInboundEventUseCase,
    InboundStepBatchRepository,
    InboundStepBatch,
    FireTimerUseCase,
    FindDueTimersQuery,
    StartFlowUseCase,
  ],
  exports: [Clock, InboundEventRepository, RecordInboundEventUseCase, ProcessInboundEventUseCase, InboundStepBatch, FireTimerUseCase, FindDueTimersQuery, ConversationRepository, FlowSessionRepository, SessionContextReader, StepWriter, SessionStepper, PublishedFlows, StartFlowUseCase],
})
export class RuntimeModule {}
