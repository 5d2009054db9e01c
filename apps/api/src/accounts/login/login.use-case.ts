import { Injectable } from '@nestjs/common';
import type { User } from '../../database/entities/index.js';
import { ApiError } from '../../http/api-error.js';
import { hashPassword, needsRehash, verifyPassword, verifyPasswordForUnknownAccount } from '../../security/index.js';
import { SessionIssuer, type StartedSession } from '../sessions/session-issuer.js';
import { UserRepository } from '../users/user.repository.js';
import { LoginAttemptGate } from './login-attempt-gate.js';
import { tooManyAttempts } from './too-many-attempts.js';

export interface LoginCommand {
  readonly email: string;
  readonly password: string;
  readonly workspaceId?: string | undefined;
  /** The client address, for the per-IP limits. */
  readonly ip: string;
}

/**
 * Signs a person in with email and password and opens a session. A wrong password and an
 * unknown email get the same 401, after the same scrypt work (verifyPasswordForUnknownAccount),
 * so neither the answer nor its timing tells which emails have accounts. Failures are
 * rate-limited per email+IP and per IP (429 with the seconds to wait).
 */
@Injectable()
export class LoginUseCase {
  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionIssuer,
    private readonly gate: LoginAttemptGate,
  ) {}

  async execute({ email, password, workspaceId, ip }: LoginCommand): Promise<{ user: User; session: StartedSession }> {
    const outcome = await this.gate.attempt({ email, ip }, async () => {
      const user = await this.users.findByEmail(email);
      if (user === null) return verifyPasswordForUnknownAccount(password).then(() => null);
      return (await verifyPassword(password, user.passwordHash)) ? user : null;
    });
    if (outcome.kind === 'limited') throw tooManyAttempts(outcome.retryAfterSeconds);
    if (outcome.kind === 'failed') throw new ApiError({ status: 401, code: 'invalid_credentials', message: 'Wrong email or password.' });
    const user = outcome.value;
    // Hashes made with weaker parameters than today's are upgraded while the password is at hand.
    if (needsRehash(user.passwordHash)) await this.users.updatePasswordHash(user.id, await hashPassword(password));
    return { user, session: await this.sessions.start({ userId: user.id, workspaceId }) };
  }
}
