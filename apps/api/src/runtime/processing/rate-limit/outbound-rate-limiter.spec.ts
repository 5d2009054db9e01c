import { describe, expect, it } from '@jest/globals';
import { gcraStep, MemoryRateLimiter } from './outbound-rate-limiter.js';

describe('outbound rate limiting (GCRA)', () => {
  it('sends the first at once and spaces a burst 1/limit apart', async () => {
    let now = 1_000_000;
    const limiter = new MemoryRateLimiter(() => now);
    const waits: number[] = [];
    for (let i = 0; i < 4; i += 1) waits.push(await limiter.reserve('whatsapp:shop', 10));
    expect(waits).toEqual([0, 100, 200, 300]);
    // Time passing uses the booked slots up.
    now += 250;
    expect(await limiter.reserve('whatsapp:shop', 10)).toBe(150);
    // A second later the budget is back.
    now += 3000;
    expect(await limiter.reserve('whatsapp:shop', 10)).toBe(0);
  });

  it('keeps accounts apart', async () => {
    const limiter = new MemoryRateLimiter(() => 0);
    await limiter.reserve('a', 5);
    expect(await limiter.reserve('a', 5)).toBeGreaterThan(0);
    expect(await limiter.reserve('b', 5)).toBe(0);
  });

  it('never sends faster than the limit over a long run', () => {
    let tat = 0;
    const sentAt: number[] = [];
    for (let i = 0; i < 1000; i += 1) {
      const step = gcraStep({ tat, now: 0, perSecond: 80 });
      tat = step.tat;
      sentAt.push(step.waitMs);
    }
    // 1000 messages at 80/s: the last at 999 / 80 s.
    expect(sentAt[999]).toBeCloseTo((999 * 1000) / 80, 5);
    for (let second = 0; second < 12; second += 1) {
      const inWindow = sentAt.filter((t) => t >= second * 1000 && t < (second + 1) * 1000).length;
      expect(inWindow).toBeLessThanOrEqual(80);
    }
  });
});
