import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { BoundedMap } from './bounded-map.ts';

export interface Limit {
  points: number;
  seconds: number;
}

/**
 * Redis-backed when Redis is configured (shared by every API process), else in
 * memory. While Redis is unreachable, each process counts in its own memory
 * (the insurance limiter) instead of failing requests. `namespace` (the
 * database name) keeps environments sharing a Redis apart.
 */
export function makeLimiter(name: string, limit: Limit, redis: Redis | undefined, namespace: string): RateLimiterAbstract {
  const opts = { keyPrefix: `rl:${namespace}:${name}`, points: limit.points, duration: limit.seconds };
  if (!redis) return new RateLimiterMemory(opts);
  return new RateLimiterRedis({
    ...opts,
    storeClient: redis,
    rejectIfRedisNotReady: true,
    insuranceLimiter: new RateLimiterMemory(opts),
  });
}

/**
 * Consumes one point; returns seconds to wait (at least 1) when the limit is
 * exceeded, else null. `seconds` overrides the limiter's window for a new key.
 */
export async function consumePoint(
  limiter: RateLimiterAbstract,
  key: string,
  seconds?: number,
  /** Told what the store answered (points left, time to the window's end), refused or not. */
  onAnswer?: (answer: RateLimiterRes) => void,
): Promise<number | null> {
  try {
    const answer = await limiter.consume(key, 1, seconds === undefined ? {} : { customDuration: seconds });
    onAnswer?.(answer);
    return null;
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection; // not a limit: a failure of the store and of its in-memory insurance
    onAnswer?.(rejection);
    return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
  }
}

/**
 * A per-key budget of `limit` (the `spend`/`refund` of consumePoint and refundPoint) that also
 * says whether a key had spent half of it when the store last answered for it in this process:
 * a hint for callers that do work beside the spend only while it is surely within budget
 * (other processes spend too, so "no" is not "within").
 */
export function makeBudget(limiter: RateLimiterAbstract, limit: Limit) {
  const lastAnswers = new BoundedMap<string, { pointsLeft: number; until: number }>(10_000);
  return {
    spend: (key: string) =>
      consumePoint(limiter, key, undefined, (answer) =>
        lastAnswers.set(key, { pointsLeft: answer.remainingPoints, until: Date.now() + answer.msBeforeNext }),
      ),
    refund: (key: string) => refundPoint(limiter, key),
    halfSpent(key: string) {
      const last = lastAnswers.get(key);
      return last !== undefined && last.until > Date.now() && last.pointsLeft < limit.points / 2;
    },
  };
}

/** Gives back a point consumed for something that turned out to cost nothing (a retry). */
export async function refundPoint(limiter: RateLimiterAbstract, key: string): Promise<void> {
  await limiter.reward(key, 1);
}

/**
 * Attempts with growing delays (the `AttemptThrottle` port), atomic in the
 * store: `attempts` counts a key's reserved attempts by atomic increment, and
 * an attempt that must be followed by a delay also claims `gate`, a one-point
 * key that lives for that delay. While the gate lives every other attempt is
 * refused, so at most one passes per delay however many race. While Redis is
 * unreachable both count in this process's memory (see `makeLimiter`).
 */
export function makeAttemptThrottle(name: string, forgetAfterSeconds: number, redis: Redis | undefined, namespace: string) {
  // The count is forgotten `forgetAfterSeconds` after its first attempt; the gate's
  // lifetime is set per claim. Only the gate's single point is ever compared.
  const attempts = makeLimiter(`${name}-attempts`, { points: 1, seconds: forgetAfterSeconds }, redis, namespace);
  const gate = makeLimiter(`${name}-gate`, { points: 1, seconds: forgetAfterSeconds }, redis, namespace);
  return {
    async reserve(key: string, delayAfter: (attempt: number) => number): Promise<number> {
      const attempt = (await attempts.penalty(key)).consumedPoints;
      const delay = delayAfter(attempt);
      if (delay <= 0) return 0;
      const wait = await consumePoint(gate, key, delay);
      if (wait === null) return 0;
      // A refused attempt is not a guess: give its count back so the schedule follows real guesses.
      await attempts.reward(key);
      return wait;
    },
    async reset(key: string) {
      await Promise.all([attempts.delete(key), gate.delete(key)]);
    },
  };
}
