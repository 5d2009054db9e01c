import { Module } from '@nestjs/common';
import { ContactsModule } from '../contacts/contacts.module.js';
import { FlowsModule } from '../flows/flows.module.js';
import { DemoSeeder } from './demo-seeder.js';

/** The demo workspace on a fresh installation (SEED_DEMO, default true). */
@Module({
  imports: [FlowsModule, ContactsModule],
  providers: [DemoSeeder],
  exports: [DemoSeeder],
})
export class SeedModule {}
