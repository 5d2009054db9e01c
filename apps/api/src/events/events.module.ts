import { Module } from '@nestjs/common';
import { ExternalEventsModule } from '../runtime/external-events/external-events.module.js';
import { EventsController } from './events.controller.js';
import { ReceiveEventUseCase } from './receive-event.use-case.js';

/** POST /api/events: external and commerce events into the runtime. */
@Module({
  imports: [ExternalEventsModule],
  controllers: [EventsController],
  providers: [ReceiveEventUseCase],
})
export class EventsModule {}
