/**
 * Limits failed login attempts, to slow down password guessing.
 *
 * Two sliding-window limits apply at once:
 * - per account and client IP (default 5 failures per 15 minutes) stops guessing one account;
 * - per client IP alone (default 20 per 15 minutes) stops one client spraying many accounts.
 * There is deliberately no limit per account alone: anyone could then lock a victim out.
 *
 * The state lives in this process's memory. That is right for one API process; once the API
 * runs as several replicas each has its own counters (an attacker gets N times the budget),
 * and a restart forgets them. The scaled deployment should keep these counters in Postgres or
 * Redis behind the same `check` / `recordFailure` / `reset` shape.
 */
import { ipRateLimitKey } from './ip-rate-limit-key.js';

/** Who is trying to log in. */
export interface LoginAttemptKeys {
  /** The email as typed; trimmed and lower-cased here. */
  readonly email: string;
  /** The client address; IPv6 is grouped by /64 (see `ipRateLimitKey`). */
  readonly ip: string;
}

/** Whether an attempt may proceed, and if not, when to try again. */
export interface RateLimitDecision {
  readonly allowed: boolean;
  /** Whole seconds until an attempt is allowed again; 0 when allowed. Fit for `Retry-After`. */
  readonly retryAfterSeconds: number;
}

/** One limit: at most `maxFailures` within any `windowSeconds`. */
export interface FailureLimit {
  readonly maxFailures: number;
  readonly windowSeconds: number;
}

/** Construction options; every field has a default. */
export interface LoginRateLimiterOptions {
  /** Clock in milliseconds since the epoch; inject a fake one in tests. Default `Date.now`. */
  readonly now?: () => number;
  /** Default 5 failures per 15 minutes. */
  readonly perAccountAndIp?: FailureLimit;
  /** Default 20 failures per 15 minutes. */
  readonly perIp?: FailureLimit;
  /**
   * Most keys tracked per limit (default 100,000, a few tens of MB at worst). Beyond it the
   * key whose last failure is oldest is forgotten, so a flood of fresh keys cannot exhaust
   * memory; it can at worst shorten the memory of long-idle keys.
   */
  readonly maxTrackedKeys?: number;
}

const ALLOWED: RateLimitDecision = Object.freeze({ allowed: true, retryAfterSeconds: 0 });
/** Emails longer than this (RFC 5321 allows 254) are cut, bounding the memory per key. */
const MAX_EMAIL_KEY_LENGTH = 320;

/**
 * Failures of one limit, per key. Each entry holds the timestamps of at most `maxFailures`
 * recent failures, oldest first. The Map is kept in order of each key's latest failure
 * (an updated key is moved to the end), so expired keys and the least recently failing key
 * are always at the front: eviction never scans the whole map.
 */
class FailureWindow {
  private readonly failures = new Map<string, number[]>();
  private readonly windowMs: number;

  constructor(
    private readonly limit: FailureLimit,
    private readonly maxTrackedKeys: number,
  ) {
    this.windowMs = limit.windowSeconds * 1000;
  }

  get size(): number {
    return this.failures.size;
  }

  check(key: string, now: number): RateLimitDecision {
    this.evictExpired(now);
    const recent = this.recent(key, now);
    if (recent.length < this.limit.maxFailures) return ALLOWED;
    // Blocked until the oldest failure that still counts leaves the window.
    const oldest = recent[recent.length - this.limit.maxFailures] ?? now;
    const retryAfterSeconds = Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000));
    return { allowed: false, retryAfterSeconds };
  }

  record(key: string, now: number): void {
    this.evictExpired(now);
    const recent = this.recent(key, now);
    recent.push(now);
    // Only the last `maxFailures` timestamps can ever decide a block.
    if (recent.length > this.limit.maxFailures) recent.splice(0, recent.length - this.limit.maxFailures);
    this.failures.delete(key);
    if (this.failures.size >= this.maxTrackedKeys) {
      const leastRecent = this.failures.keys().next();
      if (leastRecent.done !== true) this.failures.delete(leastRecent.value);
    }
    this.failures.set(key, recent);
  }

  forget(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    const timestamps = this.failures.get(key) ?? [];
    return timestamps.filter((timestamp) => timestamp > now - this.windowMs);
  }

  private evictExpired(now: number): void {
    for (const [key, timestamps] of this.failures) {
      const latest = timestamps[timestamps.length - 1];
      if (latest !== undefined && latest > now - this.windowMs) break;
      this.failures.delete(key);
    }
  }
}

/**
 * In-memory limiter of failed logins per account+IP and per IP (see the module comment).
 *
 * Intended use in the login handler:
 * ```ts
 * const decision = limiter.check(keys);
 * if (!decision.allowed) return tooManyRequests(decision.retryAfterSeconds);
 * if (await verifyPassword(password, hash)) limiter.reset(keys);
 * else limiter.recordFailure(keys);
 * ```
 * `check` and `recordFailure` are separate calls around a slow verification, so attempts
 * that run concurrently all pass `check` before any failure is recorded. Serialise login
 * attempts per account+IP (or reject while one is in flight) to close that gap.
 */
export class LoginRateLimiter {
  private readonly now: () => number;
  private readonly perAccountAndIp: FailureWindow;
  private readonly perIp: FailureWindow;

  constructor(options: LoginRateLimiterOptions = {}) {
    const maxTrackedKeys = options.maxTrackedKeys ?? 100_000;
    if (!Number.isSafeInteger(maxTrackedKeys) || maxTrackedKeys < 1) {
      throw new RangeError('maxTrackedKeys must be a positive integer');
    }
    this.now = options.now ?? Date.now;
    this.perAccountAndIp = new FailureWindow(
      validLimit(options.perAccountAndIp ?? { maxFailures: 5, windowSeconds: 15 * 60 }),
      maxTrackedKeys,
    );
    this.perIp = new FailureWindow(
      validLimit(options.perIp ?? { maxFailures: 20, windowSeconds: 15 * 60 }),
      maxTrackedKeys,
    );
  }

  /** Whether a login attempt may proceed now. Does not count anything. */
  check(keys: LoginAttemptKeys): RateLimitDecision {
    const now = this.now();
    const byAccount = this.perAccountAndIp.check(accountAndIpKey(keys), now);
    const byIp = this.perIp.check(ipRateLimitKey(keys.ip), now);
    if (byAccount.allowed && byIp.allowed) return ALLOWED;
    return { allowed: false, retryAfterSeconds: Math.max(byAccount.retryAfterSeconds, byIp.retryAfterSeconds) };
  }

  /** Counts a failed attempt against both limits; returns the decision for the next attempt. */
  recordFailure(keys: LoginAttemptKeys): RateLimitDecision {
    const now = this.now();
    this.perAccountAndIp.record(accountAndIpKey(keys), now);
    this.perIp.record(ipRateLimitKey(keys.ip), now);
    return this.check(keys);
  }

  /**
   * Clears the account+IP failures after a successful login. The per-IP count is kept on
   * purpose: otherwise an attacker could log into an account of their own between guesses
   * and reset the per-IP limit each time.
   */
  reset(keys: LoginAttemptKeys): void {
    this.perAccountAndIp.forget(accountAndIpKey(keys));
  }

  /** Keys currently tracked per limit; for metrics and tests. */
  trackedKeys(): { readonly perAccountAndIp: number; readonly perIp: number } {
    return { perAccountAndIp: this.perAccountAndIp.size, perIp: this.perIp.size };
  }
}

function accountAndIpKey({ email, ip }: LoginAttemptKeys): string {
  const account = typeof email === 'string' ? email.trim().toLowerCase().slice(0, MAX_EMAIL_KEY_LENGTH) : '';
  // JSON keeps the pair unambiguous whatever characters the email contains.
  return JSON.stringify([account, ipRateLimitKey(ip)]);
}

function validLimit(limit: FailureLimit): FailureLimit {
  if (!Number.isSafeInteger(limit.maxFailures) || limit.maxFailures < 1) {
    throw new RangeError('maxFailures must be a positive integer');
  }
  if (!Number.isFinite(limit.windowSeconds) || limit.windowSeconds <= 0) {
    throw new RangeError('windowSeconds must be a positive number');
  }
  return limit;
}
