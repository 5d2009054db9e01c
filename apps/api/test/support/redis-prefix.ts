import { Redis } from 'ioredis';

/**
 * Deletes every key under a queue prefix (`<prefix>:*`: its jobs, kept ones included), so a test
 * or a benchmark leaves the Redis it used as it found it. Shared by the runtime tests and
 * tools/bench; it depends on nothing but ioredis.
 */
export async function deleteRedisPrefix(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
