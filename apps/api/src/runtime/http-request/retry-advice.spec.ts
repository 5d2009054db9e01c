import { adviseRetry, parseRetryAfter, statusErrorClass } from './retry-advice.js';

describe('statusErrorClass', () => {
  it('retries 408, 425, 429 and 5xx except 501 and 505; other answers are final', () => {
    expect([408, 425, 429, 500, 502, 503, 504, 599].map(statusErrorClass)).toEqual(Array(8).fill('transient'));
    expect([300, 304, 400, 401, 403, 404, 409, 410, 422, 501, 505].map(statusErrorClass)).toEqual(Array(11).fill('user'));
  });
});

describe('adviseRetry', () => {
  const base = { errorClass: 'transient' as const, reached: true, status: undefined, hops: 1, idempotencyKey: false };

  it('retries idempotent methods after any transient failure', () => {
    for (const method of ['GET', 'PUT', 'DELETE']) expect(adviseRetry({ ...base, method })).toBe(true);
  });

  it('retries POST and PATCH only when they cannot have been processed', () => {
    for (const method of ['POST', 'PATCH']) {
      expect(adviseRetry({ ...base, method })).toBe(false); // a timeout after sending: maybe processed
      expect(adviseRetry({ ...base, method, status: 500 })).toBe(false);
      expect(adviseRetry({ ...base, method, status: 502 })).toBe(false);
      expect(adviseRetry({ ...base, method, reached: false })).toBe(true); // refused connection, DNS…
      expect(adviseRetry({ ...base, method, status: 429 })).toBe(true);
      expect(adviseRetry({ ...base, method, status: 503 })).toBe(true);
      expect(adviseRetry({ ...base, method, status: 503, hops: 2 })).toBe(false); // a first server saw it
      expect(adviseRetry({ ...base, method, idempotencyKey: true })).toBe(true);
    }
  });

  it('never retries final failures', () => {
    expect(adviseRetry({ ...base, errorClass: 'user', method: 'GET' })).toBe(false);
    expect(adviseRetry({ ...base, errorClass: 'system', method: 'GET', reached: false })).toBe(false);
  });
});

describe('parseRetryAfter', () => {
  const now = new Date('2026-11-27T12:00:00Z');
  it('reads seconds and HTTP dates, capped at an hour', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Fri, 27 Nov 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Fri, 27 Nov 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('999999', now)).toBe(3_600_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});
