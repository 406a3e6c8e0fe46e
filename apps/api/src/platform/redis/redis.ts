import { Redis } from 'ioredis';

export function connectRedis(url: string): Redis {
  // enableOfflineQueue lets commands wait for the first connect instead of failing.
  return new Redis(url, { maxRetriesPerRequest: 3, lazyConnect: false });
}
