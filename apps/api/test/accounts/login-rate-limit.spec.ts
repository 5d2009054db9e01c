// Failed logins are limited per email+IP (5 / 15 min) and per IP, with 429 + Retry-After, also
// when the guesses arrive all at once.
import { LoginRateLimiter } from '../../src/security/index.js';
import { createTestApp, type TestApp } from '../support/create-test-app.js';
import { AccountKit, PASSWORD } from './account-kit.js';

describe('login rate limit', () => {
  let api: TestApp;
  let kit: AccountKit;

  beforeAll(async () => {
    api = await createTestApp({
      // The default per-account limit (5 per 15 minutes); a small per-IP limit to reach it quickly.
      override: (builder) => builder.overrideProvider(LoginRateLimiter).useValue(new LoginRateLimiter({ perIp: { maxFailures: 12, windowSeconds: 900 } })),
    });
    kit = await AccountKit.create(api.database.dataSource);
  });
  afterAll(() => api.close());

  const login = (email: string, password: string): Promise<Response> =>
    fetch(`${api.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });

  it('lets parallel guesses at one account through one at a time: 5 wrong answers, then 429s', async () => {
    const { email } = await kit.user();
    const statuses = (await Promise.all(Array.from({ length: 8 }, () => login(email, 'wrong password, again')))).map((response) => response.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(3);
  });

  it('answers the 6th failure in a row with 429, Retry-After and the wait in the error; even the right password waits', async () => {
    const { email } = await kit.user();
    for (let attempt = 0; attempt < 5; attempt += 1) expect((await login(email, 'wrong password, again')).status).toBe(401);
    const limited = await login(email, 'wrong password, again');
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(800);
    expect(retryAfter).toBeLessThanOrEqual(900);
    expect(await limited.json()).toMatchObject({ error: { status: 429, code: 'too_many_attempts', meta: { retryAfterSeconds: retryAfter } } });
    expect((await login(email, PASSWORD)).status).toBe(429);
  });

  it('limits one address guessing many accounts (per IP)', async () => {
    // 10 failures so far from this address; the per-IP limit here is 12.
    const { email } = await kit.user();
    expect((await login(email, 'wrong password, again')).status).toBe(401);
    expect((await login('someone.else@example.com', 'wrong password, again')).status).toBe(401);
    const other = await kit.user();
    const limited = await login(other.email, PASSWORD);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});
