import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { AccountsModule } from '../accounts/accounts.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { ContactsModule } from '../contacts/contacts.module.js';
import { APP_CONFIG, ROOT_LOGGER, type AppConfig } from '../config/app-config.js';
import { DatabaseModule } from '../database/database.module.js';
import { FlowsModule } from '../flows/flows.module.js';
import { HealthModule } from '../health/health.module.js';
import { QueuesModule } from '../queues/queues.module.js';
import { ConversationActionsModule } from '../runtime/conversation-actions/conversation-actions.module.js';
import { EventsModule } from '../events/events.module.js';
import { RuntimeModule } from '../runtime/runtime.module.js';
import { RuntimeProcessingModule } from '../runtime/processing/runtime-processing.module.js';
import { SessionsModule } from '../runtime/sessions/sessions.module.js';
import { SandboxModule } from '../channels/sandbox/sandbox.module.js';
import { RealtimeModule } from '../realtime/realtime.module.js';
import { SeedModule } from '../seed/seed.module.js';
import { SimulatorModule } from '../simulator/simulator.module.js';
import { SitePaths } from '../site/site-paths.js';
import { SiteModule } from '../site/site.module.js';
import { WorkspacesModule } from '../workspaces/workspaces.module.js';

export interface AppModuleOptions {
  readonly config: AppConfig;
  /** Connected and migrated (open-database.ts); Nest destroys it on shutdown. */
  readonly dataSource: DataSource;
  readonly logger: Logger;
  readonly sitePaths: SitePaths;
}

/**
 * The root module. Feature modules (auth, workspaces, flows, contacts, channels…) are added to
 * `imports` below; each owns its controllers, use cases and repositories.
 */
@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [DatabaseModule.forDataSource(options.dataSource), RealtimeModule, AuthModule, HealthModule, QueuesModule, SiteModule.forPaths(options.sitePaths), FlowsModule, ContactsModule, SeedModule, AccountsModule, WorkspacesModule, RuntimeModule, RuntimeProcessingModule, SandboxModule, EventsModule, ConversationActionsModule, SimulatorModule, SessionsModule],
      providers: [
        { provide: APP_CONFIG, useValue: options.config },
        { provide: ROOT_LOGGER, useValue: options.logger },
      ],
      exports: [APP_CONFIG, ROOT_LOGGER],
    };
  }
}
