import { Redis } from 'ioredis';
import type { Logger } from 'pino';

/**
 * A Redis client that fails fast while Redis is away, so every caller falls
 * back at once (in-memory rate limits, the claims instead of the busy index)
 * instead of holding requests: commands wait only for the first connection
 * (start-up); once connected, a command sent while disconnected fails at once
 * (no offline queue), one sent into a stalled connection (a paused server)
 * fails after `commandTimeout`, and reconnection is tried at least every second.
 */
export function connectRedis(url: string, logger?: Logger): Redis {
  const redis = new Redis(url, {
    maxRetriesPerRequest: 1,
    commandTimeout: 1_000,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 100, 1_000),
  });
  let down = false;
  redis.on('ready', () => {
    redis.options.enableOfflineQueue = false;
    if (down) logger?.info('redis is reachable again');
    down = false;
  });
  // One line per outage, not one per reconnection attempt.
  redis.on('error', (err) => {
    if (!down) logger?.warn({ err }, 'redis is unreachable; rate limits are local and listings read the claims');
    down = true;
  });
  return redis;
}
