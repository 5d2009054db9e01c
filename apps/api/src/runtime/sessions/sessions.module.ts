import { Module } from '@nestjs/common';
import { SessionHistoryQuery } from './session-history.query.js';
import { SessionsController } from './sessions.controller.js';

/** GET /api/sessions…: the run history and run logs of flows. */
@Module({
  controllers: [SessionsController],
  providers: [SessionHistoryQuery],
})
export class SessionsModule {}
