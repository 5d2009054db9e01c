import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DatabaseHealth } from './database-health.js';

/**
 * Makes the app's DataSource (created, connected and migrated before Nest starts: see
 * open-database.ts) available to Nest: `@InjectRepository(Flow)` after
 * `TypeOrmModule.forFeature([Flow])` in a feature module, or `DataSource` itself. Nest
 * destroys it on shutdown, after the HTTP server has closed.
 */
@Module({})
export class DatabaseModule {
  static forDataSource(dataSource: DataSource): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ ...dataSource.options, retryAttempts: 1, toRetry: () => false }),
          dataSourceFactory: () => Promise.resolve(dataSource),
        }),
      ],
      providers: [DatabaseHealth],
      exports: [DatabaseHealth],
    };
  }
}
