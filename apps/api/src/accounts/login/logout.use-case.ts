import { Injectable } from '@nestjs/common';
import { hashToken, isWellFormedToken } from '../../security/index.js';
import type { Credential } from '../credentials/read-credential.js';
import { SessionRepository } from '../sessions/session.repository.js';

/** Ends the session the request presents (cookie or bearer token). Anything else: nothing to do. */
@Injectable()
export class LogoutUseCase {
  constructor(private readonly sessions: SessionRepository) {}

  async execute(credential: Credential | null): Promise<void> {
    if (credential?.kind !== 'session' || !isWellFormedToken(credential.token)) return;
    await this.sessions.revoke(hashToken(credential.token), new Date());
  }
}
