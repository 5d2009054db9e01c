import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard.js';
import { Authenticator, NoAuthenticator } from './authenticator.js';

/**
 * Guards every route. The Authenticator provider is the seam for sign-in: replace
 * NoAuthenticator with the implementation that reads sessions, bearer tokens and API keys.
 */
@Module({
  providers: [
    { provide: Authenticator, useClass: NoAuthenticator },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [Authenticator],
})
export class AuthModule {}
