import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { HostResolver, SystemHostResolver } from './host-resolver.js';
import { HttpRequestExecutor } from './http-request.executor.js';
import { HTTP_REQUEST_SETTINGS, httpRequestSettings } from './http-request-settings.js';

/**
 * The executor of flows' `http_request` effects, configured from HTTP_REQUEST_*. Import it
 * where the outbound queue performs effects; tests override HostResolver to play DNS.
 */
@Module({
  providers: [
    { provide: HTTP_REQUEST_SETTINGS, inject: [APP_CONFIG], useFactory: (config: AppConfig) => httpRequestSettings(config.httpRequest) },
    { provide: HostResolver, useClass: SystemHostResolver },
    HttpRequestExecutor,
  ],
  exports: [HttpRequestExecutor],
})
export class HttpRequestModule {}
