import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { APP_CONFIG, ROOT_LOGGER, type AppConfig } from '../config/app-config.js';
import { openQueueBackend, type QueueBackend } from './queue-backend.js';
import { DEFAULT_QUEUE_SETTINGS, QUEUE_BACKEND, QUEUE_SETTINGS, type QueueSettings } from './queue-settings.js';
import { QueueService } from './queue.service.js';
import { QueuesController } from './queues.controller.js';

/**
 * The job queues (BullMQ on Redis, or on the app's PostgreSQL database without REDIS_URL).
 * Import it where jobs are enqueued or processed and inject QueueService.
 */
@Module({
  controllers: [QueuesController],
  providers: [
    {
      provide: QUEUE_SETTINGS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): QueueSettings => ({ ...DEFAULT_QUEUE_SETTINGS, redisPrefix: config.redisPrefix, runStoredHere: config.runStoredHere }),
    },
    {
      provide: QUEUE_BACKEND,
      inject: [APP_CONFIG, DataSource, QUEUE_SETTINGS, ROOT_LOGGER],
      useFactory: (config: AppConfig, dataSource: DataSource, settings: QueueSettings, logger: Logger): Promise<QueueBackend> =>
        openQueueBackend({ redisUrl: config.redisUrl, databaseUrl: databaseUrlOf(dataSource), redisPrefix: settings.redisPrefix, logger }),
    },
    QueueService,
  ],
  exports: [QueueService, QUEUE_SETTINGS],
})
export class QueuesModule {}

/** The URL the app's DataSource was opened with: DATABASE_URL or the embedded server's. */
function databaseUrlOf(dataSource: DataSource): string {
  const { url } = dataSource.options as { url?: string };
  if (url === undefined) throw new Error('The DataSource has no url: open it with openDatabase()');
  return url;
}
