import { Module, type DynamicModule } from '@nestjs/common';
import { SiteController } from './site.controller.js';
import { SitePaths } from './site-paths.js';

@Module({})
export class SiteModule {
  static forPaths(paths: SitePaths): DynamicModule {
    return { module: SiteModule, controllers: [SiteController], providers: [{ provide: SitePaths, useValue: paths }] };
  }
}
