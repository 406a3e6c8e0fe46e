import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, expect, it, vi } from 'vitest';
import { loadConfig } from '../../main/config.ts';
import { makePresence } from './presence.ts';

/**
 * Presence on the real Redis: a process keeps its sockets' entries alive by
 * refreshing them, a slice of its users a second, so each is refreshed once
 * every 30 s and no refresh holds the event loop for all of them at once.
 */

const redis = new Redis(loadConfig(process.env).redisUrl!);
afterAll(() => redis.disconnect());

it('refreshes every user once in 30 one-second slices, so nobody lapses while connected', async () => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  let now = 1_000_000;
  const namespace = `presence-test-${randomUUID().slice(0, 8)}`;
  const presence = makePresence(redis, namespace, () => now);
  // Enough users that every one of the 30 slices holds some (with 90, slice 0 was empty about one run in twenty).
  const users = Array.from({ length: 300 }, () => randomUUID());
  try {
    for (const user of users) await presence.connected(user, `socket-${user}`);
    presence.start();
    // Live in Redis (what other processes see; this process's own view says online regardless).
    const online = async () =>
      (await Promise.all(users.map((user) => redis.zcount(`presence:${namespace}:${user}`, now, '+inf')))).filter((n) => n > 0)
        .length;
    // 60 s on (entries live 90 s), one slice is refreshed: some users, not all.
    now += 60_000;
    await vi.advanceTimersByTimeAsync(1_000);
    now += 35_000; // the first entries have lapsed now
    // The timer has fired; its writes to Redis land a moment later.
    await expect.poll(online).toBeGreaterThan(0);
    const afterOne = await online();
    expect(afterOne).toBeLessThan(users.length / 3);
    // A full round of slices refreshes everyone.
    now -= 35_000;
    await vi.advanceTimersByTimeAsync(29_000);
    now += 35_000;
    await expect.poll(online).toBe(users.length);
  } finally {
    presence.stop();
    vi.useRealTimers();
  }
});
