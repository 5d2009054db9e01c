import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { APP_CONFIG, ROOT_LOGGER, type AppConfig } from '../../config/app-config.js';
import { checkPasswordPolicy } from '../../security/index.js';
import { BootstrapFirstOwnerUseCase } from './bootstrap-first-owner.use-case.js';

/**
 * `ADMIN_EMAIL` + `ADMIN_PASSWORD`: on a database without accounts, that person becomes the
 * first owner when the app starts. With any account present it does nothing, so restarting
 * with the variables still set (or changed) never resets a password.
 *
 * The demo seed runs in the same start, before or after this. The owner adopts a demo workspace
 * seeded first; with SEED_DEMO on and no workspace yet, the owner is created without one and the
 * seed hands the demo over when it creates it (`adoptOrphanWorkspace`). Either order ends with
 * the owner owning the demo workspace, and nothing else.
 */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  constructor(
    private readonly bootstrap: BootstrapFirstOwnerUseCase,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.admin;
    if (admin === undefined) return;
    const result = await this.bootstrap.execute({
      email: admin.email,
      password: admin.password,
      name: nameFromEmail(admin.email),
      withoutWorkspaceToAdopt: this.config.seedDemo ? 'await_adoption' : 'create',
    });
    if (result.status === 'already_set_up') {
      this.logger.debug('ADMIN_EMAIL is set but accounts already exist: nothing to create (passwords are never reset at start)');
      return;
    }
    this.logger.info(
      { userId: result.user.id, workspaceId: result.workspaceId },
      `Created the first owner ${admin.email} from ADMIN_EMAIL (${describeWorkspace(result)})`,
    );
    const weakness = checkPasswordPolicy(admin.password);
    if (weakness !== null) this.logger.warn(`ADMIN_PASSWORD does not meet the password policy, but was used as set: ${weakness}`);
  }
}

function describeWorkspace(result: { workspaceId: string | null; adoptedWorkspace: boolean }): string {
  if (result.adoptedWorkspace) return 'owner of the existing workspace';
  return result.workspaceId === null ? 'the demo workspace becomes theirs once seeded' : 'in a new workspace';
}

/** "ana.souza@example.com" -> "ana.souza": a name to start with. */
function nameFromEmail(email: string): string {
  return email.split('@', 1)[0]?.slice(0, 200) || 'Owner';
}
