import { Module, type OnModuleInit } from '@nestjs/common';
import { SandboxChannelAdapter } from '../../channels/sandbox/sandbox-channel.adapter.js';
import { SandboxModule } from '../../channels/sandbox/sandbox.module.js';
import { QueuesModule } from '../../queues/queues.module.js';
import { QueueService } from '../../queues/queue.service.js';
import { RuntimeModule } from '../runtime.module.js';
import { ChannelAdapters, type ChannelAdapter } from './channel-adapter.js';
import { DEFAULT_DISPATCH_SWEEP_SETTINGS, DISPATCH_SWEEP_SETTINGS } from './dispatch-sweep-settings.js';
import { DispatchSweeper } from './dispatch-sweeper.js';
import { FailInboundEventUseCase } from './fail-inbound-event.use-case.js';
import { OutboxRepository } from './outbox.repository.js';
import { RecoverySweep } from './recovery-sweep.js';
import { RuntimeDispatcher } from './runtime-dispatcher.js';
import { RuntimeJobHandlers } from './runtime-job-handlers.js';
import { MemoryRateLimiter, OutboundRateLimiter } from './rate-limit/outbound-rate-limiter.js';
import { RedisRateLimiter } from './rate-limit/redis-rate-limiter.js';
import { SendPerformer } from './send-performer.js';
import { HttpRequestPerformer } from './http-request-performer.js';
import { HttpRequestModule } from '../http-request/http-request.module.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { QUEUE_SETTINGS, type QueueSettings } from '../../queues/queue-settings.js';

/** The channel adapters by type; only the sandbox exists so far (WhatsApp etc. come with their channels). */
class StaticChannelAdapters extends ChannelAdapters {
  private readonly byChannel: ReadonlyMap<string, ChannelAdapter>;
  constructor(adapters: readonly ChannelAdapter[]) {
    super();
    this.byChannel = new Map(adapters.map((adapter) => [adapter.channel, adapter]));
  }
  get(channel: string): ChannelAdapter | undefined {
    return this.byChannel.get(channel);
  }
}

/**
 * The runtime's queue processors (inbound, timers, outbound) and the dispatcher that turns
 * committed outbox rows and timers into jobs, with its periodic sweep.
 */
@Module({
  imports: [QueuesModule, RuntimeModule, SandboxModule, HttpRequestModule],
  providers: [
    { provide: DISPATCH_SWEEP_SETTINGS, useValue: DEFAULT_DISPATCH_SWEEP_SETTINGS },
    { provide: ChannelAdapters, inject: [SandboxChannelAdapter], useFactory: (sandbox: SandboxChannelAdapter) => new StaticChannelAdapters([sandbox]) },
    {
      provide: OutboundRateLimiter,
      inject: [APP_CONFIG, QUEUE_SETTINGS],
      // Shared by every worker process on Redis; exact in process for the single-process deployment.
      useFactory: (config: AppConfig, queues: QueueSettings): OutboundRateLimiter =>
        config.redisUrl !== undefined ? new RedisRateLimiter({ url: config.redisUrl, prefix: queues.redisPrefix }) : new MemoryRateLimiter(),
    },
    SendPerformer,
    HttpRequestPerformer,
    OutboxRepository,
    RuntimeDispatcher,
    RecoverySweep,
    FailInboundEventUseCase,
    RuntimeJobHandlers,
    DispatchSweeper,
  ],
  exports: [RuntimeDispatcher, RecoverySweep, DispatchSweeper],
})
export class RuntimeProcessingModule implements OnModuleInit {
  constructor(
    private readonly queues: QueueService,
    private readonly handlers: RuntimeJobHandlers,
  ) {}

  onModuleInit(): void {
    this.queues.registerProcessor('inbound', (payload, context) => this.handlers.inbound(payload, context));
    this.queues.registerProcessor('timers', (payload, context) => this.handlers.timers(payload, context));
    this.queues.registerProcessor('outbound', (payload, context) => this.handlers.outbound(payload, context));
  }
}
