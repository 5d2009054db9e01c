import { Global, Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { ConversationFeed } from './conversation-feed.js';
import { RealtimeBus } from './realtime-bus.js';
import { RealtimeGateway } from './realtime.gateway.js';

/** Realtime fan-out (Postgres LISTEN/NOTIFY), conversation streams and the WebSocket; global: writers anywhere notify. */
@Global()
@Module({
  imports: [AuthModule],
  providers: [RealtimeBus, ConversationFeed, RealtimeGateway],
  exports: [RealtimeBus, ConversationFeed],
})
export class RealtimeModule {}
