import { LoginRateLimiter } from '../../security/index.js';
import { LoginAttemptGate, MAX_IN_FLIGHT_PER_IP } from './login-attempt-gate.js';

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('LoginAttemptGate', () => {
  const keys = { email: 'Ana@Example.com', ip: '203.0.113.7' };

  it('lets concurrent guesses at one account through the limit one by one, not all at once', async () => {
    const gate = new LoginAttemptGate(new LoginRateLimiter({ perAccountAndIp: { maxFailures: 3, windowSeconds: 60 } }));
    const outcomes = await Promise.all(
      Array.from({ length: 6 }, () =>
        gate.attempt(keys, async () => {
          await wait(5);
          return null;
        }),
      ),
    );
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(['failed', 'failed', 'failed', 'limited', 'limited', 'limited']);
    expect(outcomes[5]).toMatchObject({ retryAfterSeconds: expect.any(Number) });
  });

  it('runs one account’s attempts in order and clears its failures on success', async () => {
    const gate = new LoginAttemptGate(new LoginRateLimiter({ perAccountAndIp: { maxFailures: 2, windowSeconds: 60 } }));
    const order: string[] = [];
    const slow = gate.attempt(keys, async () => {
      await wait(20);
      order.push('first');
      return null;
    });
    const fast = gate.attempt({ ...keys, email: ' ana@example.COM ' }, () => {
      order.push('second');
      return Promise.resolve('user');
    });
    expect(await Promise.all([slow, fast])).toEqual([{ kind: 'failed' }, { kind: 'ok', value: 'user' }]);
    expect(order).toEqual(['first', 'second']);
    expect((await gate.attempt(keys, () => Promise.resolve(null))).kind).toBe('failed');
    expect((await gate.attempt(keys, () => Promise.resolve(null))).kind).toBe('failed');
    expect((await gate.attempt(keys, () => Promise.resolve(null))).kind).toBe('limited');
  });

  it('refuses attempts beyond the in-flight cap of one address, and recovers afterwards', async () => {
    const gate = new LoginAttemptGate(new LoginRateLimiter());
    let finish = (): void => undefined;
    const blocker = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const running = Array.from({ length: MAX_IN_FLIGHT_PER_IP }, (_, index) =>
      gate.attempt({ email: `user${String(index)}@example.com`, ip: keys.ip }, async () => {
        await blocker;
        return 'ok';
      }),
    );
    expect(await gate.attempt({ email: 'other@example.com', ip: keys.ip }, () => Promise.resolve('ok'))).toEqual({ kind: 'limited', retryAfterSeconds: 1 });
    expect(await gate.attempt({ email: 'other@example.com', ip: '198.51.100.1' }, () => Promise.resolve('ok'))).toEqual({ kind: 'ok', value: 'ok' });
    finish();
    await Promise.all(running);
    expect(await gate.attempt({ email: 'other@example.com', ip: keys.ip }, () => Promise.resolve('ok'))).toEqual({ kind: 'ok', value: 'ok' });
  });

  it('does not count an attempt that threw (a database error is not a wrong password)', async () => {
    const gate = new LoginAttemptGate(new LoginRateLimiter({ perAccountAndIp: { maxFailures: 1, windowSeconds: 60 } }));
    await expect(gate.attempt(keys, () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect((await gate.attempt(keys, () => Promise.resolve(null))).kind).toBe('failed');
  });
});
