import type { Request, RequestHandler, Response } from 'express';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppError } from '../app-error.ts';
import { consumePoint } from '../rate-limiters.ts';
import type { Caller } from './auth.middleware.ts';

/** Whose budget a request spends: a key, or undefined when this bucket does not apply to the request. */
export type RateKey = (req: Request, res: Response) => string | undefined;

/** One budget: a limiter and what it counts by. */
export type Bucket = [limiter: RateLimiterAbstract, keyOf: RateKey];

/**
 * Spends one point of every bucket that applies; when any is exhausted,
 * answers 429 RATE_LIMITED with the longest wait (the error handler sets
 * `Retry-After`).
 */
export function rateLimit(...buckets: Bucket[]): RequestHandler {
  return async (req, res, next) => {
    const waits = await Promise.all(
      buckets.map(([limiter, keyOf]) => {
        const key = keyOf(req, res);
        return key === undefined ? null : consumePoint(limiter, key);
      }),
    );
    const wait = Math.max(0, ...waits.map((w) => w ?? 0));
    if (wait > 0) {
      throw new AppError('RATE_LIMITED', `Too many requests. Try again in ${wait} seconds.`, { retryAfterSeconds: wait });
    }
    next();
  };
}

/** The client's IP (right behind `TRUST_PROXY` proxies). */
export const clientIp: RateKey = (req) => req.ip ?? 'unknown';

/**
 * The signed-in caller (placed after an auth guard), so people sharing one
 * address (a clinic behind NAT) each have their own budget; else the IP.
 */
export const callerOrIp: RateKey = (req, res) => {
  const caller = res.locals['caller'] as Caller | undefined;
  return caller ? `user:${caller.userId}` : `ip:${clientIp(req, res) ?? 'unknown'}`;
};

/** The e-mail in a JSON body, lower-cased, so one address cannot be hammered from many IPs. */
export const emailInBody: RateKey = (req) => {
  const email = (req.body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email.trim().toLowerCase().slice(0, 254) : undefined;
};

/** `keyOf`, only for requests that carry the query parameter `name` (a costlier variant of a route). */
export const withQuery =
  (name: string, keyOf: RateKey): RateKey =>
  (req, res) =>
    req.query[name] === undefined ? undefined : keyOf(req, res);
