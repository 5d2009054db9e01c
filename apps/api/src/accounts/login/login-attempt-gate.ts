import { Injectable } from '@nestjs/common';
import { LoginRateLimiter, ipRateLimitKey, type LoginAttemptKeys } from '../../security/index.js';

export type LoginAttemptOutcome<T> =
  | { readonly kind: 'ok'; readonly value: T }
  | { readonly kind: 'failed' }
  | { readonly kind: 'limited'; readonly retryAfterSeconds: number };

/**
 * Attempts in flight per client address beyond which more are refused at once. The limiter's
 * per-IP budget is counted only when an attempt ends, so attempts running side by side (for
 * different emails) could all pass its check; this bounds that overshoot.
 */
export const MAX_IN_FLIGHT_PER_IP = 8;

/**
 * Runs login attempts through the LoginRateLimiter without its check-then-record gap: attempts
 * for the same email from the same address run one at a time, so each sees the failures of the
 * ones before it (five parallel guesses cannot all pass the check of a limit of five). The
 * state is in memory, like the limiter's: per process.
 */
@Injectable()
export class LoginAttemptGate {
  private readonly queues = new Map<string, Promise<void>>();
  private readonly inFlightByIp = new Map<string, number>();

  constructor(private readonly limiter: LoginRateLimiter) {}

  /** `verify` resolves the value of a successful attempt, or null for wrong credentials. */
  async attempt<T>(keys: LoginAttemptKeys, verify: () => Promise<T | null>): Promise<LoginAttemptOutcome<T>> {
    const ipKey = ipRateLimitKey(keys.ip);
    const inFlight = this.inFlightByIp.get(ipKey) ?? 0;
    if (inFlight >= MAX_IN_FLIGHT_PER_IP) return { kind: 'limited', retryAfterSeconds: 1 };
    this.inFlightByIp.set(ipKey, inFlight + 1);
    try {
      return await this.oneAtATime(JSON.stringify([keys.email.trim().toLowerCase(), ipKey]), async (): Promise<LoginAttemptOutcome<T>> => {
        const decision = this.limiter.check(keys);
        if (!decision.allowed) return { kind: 'limited', retryAfterSeconds: decision.retryAfterSeconds };
        const value = await verify();
        if (value === null) {
          this.limiter.recordFailure(keys);
          return { kind: 'failed' };
        }
        this.limiter.reset(keys);
        return { kind: 'ok', value };
      });
    } finally {
      const left = (this.inFlightByIp.get(ipKey) ?? 1) - 1;
      if (left <= 0) this.inFlightByIp.delete(ipKey);
      else this.inFlightByIp.set(ipKey, left);
    }
  }

  /** Runs `task` after every earlier task of `key` has settled. */
  private async oneAtATime<R>(key: string, task: () => Promise<R>): Promise<R> {
    const previous = this.queues.get(key) ?? Promise.resolve();
    let release = (): void => undefined;
    const done = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous.then(() => done);
    this.queues.set(key, tail);
    try {
      await previous;
      return await task();
    } finally {
      release();
      if (this.queues.get(key) === tail) this.queues.delete(key);
    }
  }
}
