import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CredentialAuthenticator } from '../accounts/credentials/credential-authenticator.js';
import { AuthGuard } from './auth.guard.js';
import { Authenticator } from './authenticator.js';

/**
 * Guards every route. The Authenticator provider is the seam for sign-in: CredentialAuthenticator
 * reads session cookies, session bearer tokens and API keys (tests may override the token).
 */
@Module({
  providers: [
    // Sessions, bearer tokens and API keys (accounts/credentials; AccountsModule is global).
    { provide: Authenticator, useExisting: CredentialAuthenticator },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [Authenticator],
})
export class AuthModule {}
