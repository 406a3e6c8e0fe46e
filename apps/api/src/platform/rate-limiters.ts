import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

export interface Limit {
  points: number;
  seconds: number;
}

/**
 * Redis-backed when Redis is configured (shared by every API process), else in
 * memory. `namespace` (the database name) keeps environments sharing a Redis apart.
 */
export function makeLimiter(name: string, limit: Limit, redis: Redis | undefined, namespace: string): RateLimiterAbstract {
  const opts = { keyPrefix: `rl:${namespace}:${name}`, points: limit.points, duration: limit.seconds };
  return redis ? new RateLimiterRedis({ ...opts, storeClient: redis }) : new RateLimiterMemory(opts);
}

/** Consumes one point; returns seconds to wait when the limit is exceeded, else null. */
export async function consumePoint(limiter: RateLimiterAbstract, key: string): Promise<number | null> {
  try {
    await limiter.consume(key);
    return null;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return Math.ceil(rejection.msBeforeNext / 1000);
    throw rejection; // a store failure is an error, not a free pass
  }
}

/** Failures per key: the port behind "at most N failed logins per account". */
export function makeFailureLimiter(limiter: RateLimiterAbstract) {
  return {
    async isLockedOut(key: string) {
      const res = await limiter.get(key);
      return !!res && res.consumedPoints >= limiter.points;
    },
    async recordFailure(key: string) {
      await consumePoint(limiter, key);
    },
  };
}
