import { LoginRateLimiter, type LoginAttemptKeys } from './login-rate-limiter.js';

const MINUTE = 60_000;

/** A limiter on a clock the test moves by hand. */
function setup(options: ConstructorParameters<typeof LoginRateLimiter>[0] = {}) {
  let time = 1_700_000_000_000;
  const limiter = new LoginRateLimiter({ now: () => time, ...options });
  const advance = (ms: number): void => {
    time += ms;
  };
  return { limiter, advance };
}

const ana: LoginAttemptKeys = { email: 'ana@loja.com', ip: '203.0.113.7' };

function fail(limiter: LoginRateLimiter, keys: LoginAttemptKeys, times: number): void {
  for (let i = 0; i < times; i += 1) limiter.recordFailure(keys);
}

describe('LoginRateLimiter', () => {
  it('allows 5 failures per account and IP, then blocks for the rest of the 15-minute window', () => {
    const { limiter, advance } = setup();
    expect(limiter.check(ana)).toEqual({ allowed: true, retryAfterSeconds: 0 });
    fail(limiter, ana, 4);
    expect(limiter.check(ana).allowed).toBe(true);
    expect(limiter.recordFailure(ana)).toEqual({ allowed: false, retryAfterSeconds: 900 });
    advance(10 * MINUTE);
    expect(limiter.check(ana)).toEqual({ allowed: false, retryAfterSeconds: 300 });
  });

  it('slides the window: each failure stops counting exactly 15 minutes after it happened', () => {
    const { limiter, advance } = setup();
    limiter.recordFailure(ana); // t = 0
    advance(5 * MINUTE);
    fail(limiter, ana, 4); // t = 5 min, now blocked
    advance(10 * MINUTE - 1);
    expect(limiter.check(ana)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    advance(1); // the failure at t = 0 leaves the window: one attempt allowed
    expect(limiter.check(ana)).toEqual({ allowed: true, retryAfterSeconds: 0 });
    expect(limiter.recordFailure(ana)).toEqual({ allowed: false, retryAfterSeconds: 300 });
    advance(5 * MINUTE);
    expect(limiter.check(ana).allowed).toBe(true);
  });

  it('gives no burst across a window boundary', () => {
    const { limiter, advance } = setup();
    advance(14 * MINUTE);
    fail(limiter, ana, 5);
    advance(2 * MINUTE); // a fixed, clock-aligned window would have reset here
    expect(limiter.check(ana)).toEqual({ allowed: false, retryAfterSeconds: 13 * 60 });
  });

  it('rounds the wait up to whole seconds', () => {
    const { limiter, advance } = setup();
    fail(limiter, ana, 5);
    advance(15 * MINUTE - 1500);
    expect(limiter.check(ana).retryAfterSeconds).toBe(2);
  });

  it('keys accounts case- and space-insensitively, and per IP', () => {
    const { limiter } = setup();
    fail(limiter, { email: ' ANA@Loja.com ', ip: ana.ip }, 5);
    expect(limiter.check(ana).allowed).toBe(false);
    expect(limiter.check({ email: ana.email, ip: '198.51.100.1' }).allowed).toBe(true);
    expect(limiter.check({ email: 'bia@loja.com', ip: ana.ip }).allowed).toBe(true);
  });

  it('limits one IP to 20 failures across accounts', () => {
    const { limiter, advance } = setup();
    for (let i = 0; i < 19; i += 1) {
      limiter.recordFailure({ email: `user${i}@loja.com`, ip: ana.ip });
      advance(MINUTE / 2);
    }
    expect(limiter.check(ana).allowed).toBe(true);
    // The first of the 20 failures, 9.5 minutes ago, leaves the window in 5.5 minutes.
    expect(limiter.recordFailure(ana)).toEqual({ allowed: false, retryAfterSeconds: 330 });
    expect(limiter.check({ email: 'new@loja.com', ip: ana.ip })).toEqual({ allowed: false, retryAfterSeconds: 330 });
    expect(limiter.check({ email: 'new@loja.com', ip: '198.51.100.1' }).allowed).toBe(true);
  });

  it('reports the longer wait when both limits block', () => {
    const { limiter, advance } = setup();
    for (let i = 0; i < 20; i += 1) limiter.recordFailure({ email: `user${i}@loja.com`, ip: ana.ip });
    advance(10 * MINUTE);
    expect(limiter.check(ana)).toEqual({ allowed: false, retryAfterSeconds: 300 });
    fail(limiter, ana, 5);
    expect(limiter.check(ana)).toEqual({ allowed: false, retryAfterSeconds: 900 });
  });

  it('treats a whole IPv6 /64 as one client', () => {
    const { limiter } = setup();
    for (let i = 0; i < 20; i += 1) limiter.recordFailure({ email: `user${i}@loja.com`, ip: `2001:db8:1:2::${i.toString(16)}` });
    expect(limiter.check({ email: 'x@loja.com', ip: '2001:db8:1:2:abcd::1' }).allowed).toBe(false);
    expect(limiter.check({ email: 'x@loja.com', ip: '2001:db8:1:3::1' }).allowed).toBe(true);
  });

  it('resets the account and IP pair on success, but not the per-IP count', () => {
    const { limiter } = setup();
    fail(limiter, ana, 5);
    limiter.reset(ana);
    expect(limiter.check(ana).allowed).toBe(true);
    // An attacker logging into their own account between guesses must not reset the IP limit.
    const attacker = { email: 'mallory@loja.com', ip: '198.51.100.9' };
    for (let i = 0; i < 20; i += 1) {
      limiter.recordFailure({ email: `victim${i}@loja.com`, ip: attacker.ip });
      limiter.reset(attacker);
    }
    expect(limiter.check(attacker).allowed).toBe(false);
  });

  it('accepts custom limits', () => {
    const { limiter, advance } = setup({ perAccountAndIp: { maxFailures: 2, windowSeconds: 60 }, perIp: { maxFailures: 3, windowSeconds: 120 } });
    fail(limiter, ana, 2);
    expect(limiter.check(ana)).toEqual({ allowed: false, retryAfterSeconds: 60 });
    advance(MINUTE);
    expect(limiter.check(ana).allowed).toBe(true);
    expect(limiter.recordFailure(ana)).toEqual({ allowed: false, retryAfterSeconds: 60 });
  });

  it('forgets keys whose failures have all expired', () => {
    const { limiter, advance } = setup();
    for (let i = 0; i < 50; i += 1) limiter.recordFailure({ email: `user${i}@loja.com`, ip: `192.0.2.${i}` });
    advance(10 * MINUTE);
    limiter.recordFailure({ email: 'late@loja.com', ip: '192.0.2.200' });
    expect(limiter.trackedKeys()).toEqual({ perAccountAndIp: 51, perIp: 51 });
    advance(5 * MINUTE);
    expect(limiter.check(ana).allowed).toBe(true);
    expect(limiter.trackedKeys()).toEqual({ perAccountAndIp: 1, perIp: 1 });
    advance(10 * MINUTE);
    limiter.check(ana);
    expect(limiter.trackedKeys()).toEqual({ perAccountAndIp: 0, perIp: 0 });
  });

  it('never tracks more keys than the cap, dropping the one that failed least recently', () => {
    const { limiter, advance } = setup({ maxTrackedKeys: 3 });
    fail(limiter, ana, 5);
    advance(1000);
    for (let i = 0; i < 10; i += 1) {
      limiter.recordFailure({ email: `user${i}@loja.com`, ip: `192.0.2.${i}` });
      expect(limiter.trackedKeys().perAccountAndIp).toBeLessThanOrEqual(3);
    }
    expect(limiter.trackedKeys()).toEqual({ perAccountAndIp: 3, perIp: 3 });
    expect(limiter.check(ana).allowed).toBe(true); // evicted
    expect(limiter.check({ email: 'user9@loja.com', ip: '192.0.2.9' }).allowed).toBe(true);
  });

  it('keeps a key that keeps failing when the cap is reached', () => {
    const { limiter } = setup({ maxTrackedKeys: 2 });
    limiter.recordFailure(ana);
    limiter.recordFailure({ email: 'bia@loja.com', ip: '192.0.2.1' });
    fail(limiter, ana, 4); // refreshes ana: bia is now the least recent
    limiter.recordFailure({ email: 'caio@loja.com', ip: '192.0.2.2' });
    expect(limiter.check(ana).allowed).toBe(false);
  });

  it('bounds the memory of a key: a long email is cut, not stored whole', () => {
    const { limiter } = setup();
    const long = `${'a'.repeat(10_000)}@loja.com`;
    fail(limiter, { email: long, ip: ana.ip }, 5);
    expect(limiter.check({ email: `${'a'.repeat(10_000)}@other.com`, ip: ana.ip }).allowed).toBe(false);
  });

  it('uses Date.now by default', () => {
    const limiter = new LoginRateLimiter();
    fail(limiter, ana, 5);
    const { allowed, retryAfterSeconds } = limiter.check(ana);
    expect(allowed).toBe(false);
    expect(retryAfterSeconds).toBeGreaterThan(890);
  });

  it('rejects nonsensical options', () => {
    expect(() => new LoginRateLimiter({ maxTrackedKeys: 0 })).toThrow(RangeError);
    expect(() => new LoginRateLimiter({ perIp: { maxFailures: 0, windowSeconds: 60 } })).toThrow(RangeError);
    expect(() => new LoginRateLimiter({ perAccountAndIp: { maxFailures: 5, windowSeconds: Number.NaN } })).toThrow(RangeError);
  });
});
