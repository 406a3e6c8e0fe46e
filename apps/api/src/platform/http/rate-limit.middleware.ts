import type { RequestHandler } from 'express';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppError } from '../app-error.ts';
import { consumePoint } from '../rate-limiters.ts';

/**
 * Limits requests per client IP, and per account when `accountKey` finds one
 * in the body (e-mail), so one address cannot be hammered from many IPs.
 */
export function rateLimit(
  byIp: RateLimiterAbstract,
  byAccount?: { limiter: RateLimiterAbstract; accountKey: (body: unknown) => string | undefined },
): RequestHandler {
  return async (req, _res, next) => {
    const account = byAccount?.accountKey(req.body);
    const waits = await Promise.all([
      consumePoint(byIp, req.ip ?? 'unknown'),
      account && byAccount ? consumePoint(byAccount.limiter, account) : null,
    ]);
    const wait = Math.max(...waits.map((w) => w ?? 0));
    if (wait > 0) {
      throw new AppError('RATE_LIMITED', `Too many requests. Try again in ${wait} seconds.`, { retryAfterSeconds: wait });
    }
    next();
  };
}

/** The e-mail in a JSON body, lower-cased, as the per-account key. */
export function emailInBody(body: unknown): string | undefined {
  const email = (body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email.trim().toLowerCase().slice(0, 254) : undefined;
}
