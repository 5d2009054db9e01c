import { Module } from '@nestjs/common';
import { ContactsModule } from '../../contacts/contacts.module.js';
import { QueuesModule } from '../../queues/queues.module.js';
import { RuntimeModule } from '../../runtime/runtime.module.js';
import { SandboxChannelAdapter } from './sandbox-channel.adapter.js';
import { SandboxConversationsService } from './sandbox-conversations.service.js';
import { SandboxController } from './sandbox.controller.js';

/** The sandbox channel: REST + SSE for simulated conversations, and its outbound adapter. */
@Module({
  imports: [ContactsModule, QueuesModule, RuntimeModule],
  controllers: [SandboxController],
  providers: [SandboxChannelAdapter, SandboxConversationsService],
  exports: [SandboxChannelAdapter, SandboxConversationsService],
})
export class SandboxModule {}
