import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

export interface PresenceStatus {
  online: boolean;
  lastSeenAt?: Date;
}

/** Who has a socket open: "online" is any socket on any API process; "last seen" is when the last one closed. */
export interface Presence {
  /** True when this socket made the user online. */
  connected(userId: string, socketId: string): Promise<boolean>;
  /** True when this was the user's last socket. */
  disconnected(userId: string, socketId: string): Promise<boolean>;
  status(userIds: readonly string[]): Promise<Map<string, PresenceStatus>>;
  start(): void;
  stop(): void;
}

/** A process refreshes its sockets' entries this often; an entry not refreshed for TTL (a crashed process) lapses. */
const REFRESH_MS = 30_000;
const TTL_MS = 90_000;
/**
 * The refresh goes a slice of users at a time (one slice a second): 2,000 sockets refreshed at
 * once held the event loop for 48 ms, which every message in flight then waited out.
 */
const SLICES = 30;
const sliceOf = (userId: string) => {
  let h = 0;
  for (let i = 0; i < userId.length; i++) h = (h * 31 + userId.charCodeAt(i)) | 0;
  return Math.abs(h) % SLICES;
};

/**
 * Presence in Redis when it is there (shared by every API process, a cache:
 * after a Redis restart each process writes its sockets again within
 * REFRESH_MS), else in this process's memory. A user's entry is a sorted set
 * of `<process>:<socket>` scored by expiry, so a crashed process's sockets
 * lapse on their own. While Redis fails, answers come from this process alone.
 */
export function makePresence(redis: Redis | undefined, namespace: string, clock: () => number = Date.now): Presence {
  const processId = randomUUID().slice(0, 8);
  const local = new Map<string, Set<string>>();
  const lastSeen = new Map<string, Date>();
  const key = (userId: string) => `presence:${namespace}:${userId}`;
  const seenKey = (userId: string) => `presence:${namespace}:${userId}:seen`;
  let timer: NodeJS.Timeout | undefined;

  const localStatus = (userId: string): PresenceStatus => ({
    online: (local.get(userId)?.size ?? 0) > 0,
    ...(lastSeen.has(userId) ? { lastSeenAt: lastSeen.get(userId) } : {}),
  });

  let tick = 0;
  /** Refreshes the entries of one slice of this process's users. */
  async function refresh() {
    const slice = tick++ % SLICES;
    if (!redis || !local.size) return;
    const pipeline = redis.pipeline();
    for (const [userId, sockets] of local) {
      if (sliceOf(userId) !== slice) continue;
      for (const socketId of sockets) pipeline.zadd(key(userId), clock() + TTL_MS, `${processId}:${socketId}`);
      pipeline.pexpire(key(userId), TTL_MS);
    }
    if (pipeline.length) await pipeline.exec();
  }

  return {
    async connected(userId, socketId) {
      const sockets = local.get(userId) ?? new Set<string>();
      local.set(userId, sockets.add(socketId));
      if (!redis) return sockets.size === 1;
      try {
        const now = clock();
        const [, , [, live]] = (await redis
          .multi()
          .zadd(key(userId), now + TTL_MS, `${processId}:${socketId}`)
          .pexpire(key(userId), TTL_MS)
          .zcount(key(userId), now, '+inf')
          .exec()) as [unknown, unknown, [unknown, number]];
        return live === 1;
      } catch {
        return sockets.size === 1;
      }
    },
    async disconnected(userId, socketId) {
      const sockets = local.get(userId);
      sockets?.delete(socketId);
      if (sockets && !sockets.size) local.delete(userId);
      const localLast = !local.has(userId);
      if (!redis) {
        if (localLast) lastSeen.set(userId, new Date(clock()));
        return localLast;
      }
      try {
        const now = clock();
        const [, [, live]] = (await redis
          .multi()
          .zrem(key(userId), `${processId}:${socketId}`)
          .zcount(key(userId), now, '+inf')
          .exec()) as [unknown, [unknown, number]];
        if (live === 0) await redis.set(seenKey(userId), String(now), 'PX', 90 * 86_400_000);
        return live === 0;
      } catch {
        if (localLast) lastSeen.set(userId, new Date(clock()));
        return localLast;
      }
    },
    async status(userIds) {
      const out = new Map(userIds.map((id) => [id, localStatus(id)]));
      if (!redis || !userIds.length) return out;
      try {
        const now = clock();
        const pipeline = redis.pipeline();
        for (const id of userIds) pipeline.zcount(key(id), now, '+inf').get(seenKey(id));
        const results = (await pipeline.exec()) ?? [];
        userIds.forEach((id, i) => {
          const live = results[2 * i]?.[1] as number | undefined;
          const seen = results[2 * i + 1]?.[1] as string | null | undefined;
          out.set(id, {
            online: (live ?? 0) > 0 || out.get(id)!.online,
            ...(seen ? { lastSeenAt: new Date(Number(seen)) } : {}),
          });
        });
      } catch {
        // Redis away: this process's own view.
      }
      return out;
    },
    start() {
      timer ??= setInterval(() => void refresh().catch(() => undefined), REFRESH_MS / SLICES);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
  };
}
