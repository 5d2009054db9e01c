import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { NestPinoLogger } from '../logging/nest-logger.js';
import { AppModule, type AppModuleOptions } from './app.module.js';
import { initApp } from './init-app.js';

/** The Nest application, configured and initialised, not yet listening. */
export async function createApp(options: AppModuleOptions): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    // Our own parsers (body-parsers.ts), with our limit and error mapping.
    bodyParser: false,
    logger: new NestPinoLogger(options.logger),
    // Throw instead of process.exit(1) when the module graph is broken.
    abortOnError: false,
  });
  await initApp(app, options);
  return app;
}
