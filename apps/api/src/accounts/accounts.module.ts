import { Global, Module } from '@nestjs/common';
import { LoginRateLimiter } from '../security/index.js';
import { WorkspacesModule } from '../workspaces/workspaces.module.js';
import { GetAccountUseCase } from './account/get-account.use-case.js';
import { CredentialAuthenticator } from './credentials/credential-authenticator.js';
import { SignedInGuard } from './credentials/signed-in.js';
import { AcceptInvitationUseCase } from './invitations/accept-invitation.use-case.js';
import { InvitationAcceptanceController } from './invitations/invitation-acceptance.controller.js';
import { AuthController } from './login/auth.controller.js';
import { LoginAttemptGate } from './login/login-attempt-gate.js';
import { LoginUseCase } from './login/login.use-case.js';
import { LogoutUseCase } from './login/logout.use-case.js';
import { SessionIssuer } from './sessions/session-issuer.js';
import { SessionRepository } from './sessions/session.repository.js';
import { AdminBootstrap } from './setup/admin-bootstrap.js';
import { BootstrapFirstOwnerUseCase } from './setup/bootstrap-first-owner.use-case.js';
import { SetupController } from './setup/setup.controller.js';
import { UserRepository } from './users/user.repository.js';

/**
 * People and their sessions: first-run setup (and ADMIN_EMAIL at start), login/logout, me,
 * accepting invitations, and the CredentialAuthenticator behind the global AuthGuard.
 *
 * Global so that AuthModule can bind the Authenticator to CredentialAuthenticator, @SignedIn()
 * routes of other modules find SignedInGuard's dependency, and the demo seed can call
 * BootstrapFirstOwnerUseCase, without importing this module (which imports WorkspacesModule).
 */
@Global()
@Module({
  imports: [WorkspacesModule],
  controllers: [AuthController, SetupController, InvitationAcceptanceController],
  providers: [
    UserRepository,
    SessionRepository,
    SessionIssuer,
    CredentialAuthenticator,
    SignedInGuard,
    // One limiter per app (in memory); tests replace it with tighter limits.
    { provide: LoginRateLimiter, useFactory: () => new LoginRateLimiter() },
    LoginAttemptGate,
    LoginUseCase,
    LogoutUseCase,
    GetAccountUseCase,
    BootstrapFirstOwnerUseCase,
    AdminBootstrap,
    AcceptInvitationUseCase,
  ],
  exports: [CredentialAuthenticator, SignedInGuard, BootstrapFirstOwnerUseCase],
})
export class AccountsModule {}
