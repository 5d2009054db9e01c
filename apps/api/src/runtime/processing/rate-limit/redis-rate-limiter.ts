import { Redis } from 'ioredis';
import { OutboundRateLimiter } from './outbound-rate-limiter.js';

/**
 * The same GCRA as gcraStep, atomically in Redis, so every worker process shares one budget per
 * channel account. The key expires once idle.
 */
const RESERVE = `
local now = tonumber(ARGV[1])
local interval = 1000 / tonumber(ARGV[2])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
local start = math.max(tat, now)
local wait = start - now
local nextTat = start + interval
redis.call('SET', KEYS[1], tostring(nextTat), 'PX', math.ceil(nextTat - now) + 1000)
return tostring(wait)
`;

export class RedisRateLimiter extends OutboundRateLimiter {
  private readonly redis: Redis;

  constructor({ url, prefix }: { url: string; prefix: string }) {
    super();
    this.redis = new Redis(url, { keyPrefix: `${prefix}:ratelimit:`, maxRetriesPerRequest: 3, lazyConnect: false });
    // Errors surface on the reserve call; without a listener ioredis would crash the process.
    this.redis.on('error', () => undefined);
  }

  async reserve(key: string, perSecond: number): Promise<number> {
    const wait = (await this.redis.eval(RESERVE, 1, key, String(Date.now()), String(perSecond))) as string;
    return Number(wait);
  }

  /** Nest calls it on shutdown (the provider is this instance). */
  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
