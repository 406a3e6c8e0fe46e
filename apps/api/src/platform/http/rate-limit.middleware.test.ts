import type { Request, Response } from 'express';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { describe, expect, it } from 'vitest';
import { rejection } from '../../test-support/rejection.ts';
import { callerOrIp, clientIp, emailInBody, rateLimit, withQuery } from './rate-limit.middleware.ts';

const request = (fields: Partial<Request>) => ({ ip: '203.0.113.7', query: {}, body: undefined, ...fields }) as Request;
const response = (caller?: { userId: string }) => ({ locals: caller ? { caller } : {} }) as unknown as Response;

describe('rate limit keys', () => {
  it('count a signed-in caller per user, anyone else per IP', () => {
    expect(callerOrIp(request({}), response({ userId: 'u1' }))).toBe('user:u1');
    expect(callerOrIp(request({}), response())).toBe('ip:203.0.113.7');
  });

  it('apply a costly-variant key only when its query parameter is present', () => {
    const key = withQuery('availableOn', clientIp);
    expect(key(request({ query: { availableOn: '2030-01-07' } }), response())).toBe('203.0.113.7');
    expect(key(request({ query: { q: 'x' } }), response())).toBeUndefined();
  });

  it('key an e-mail in the body lower-cased, and nothing without one', () => {
    expect(emailInBody(request({ body: { email: ' Ada@Example.COM ' } }), response())).toBe('ada@example.com');
    expect(emailInBody(request({ body: { email: 42 } }), response())).toBeUndefined();
  });
});

describe('rateLimit', () => {
  const run = async (middleware: ReturnType<typeof rateLimit>, req: Request) => {
    let passed = false;
    await middleware(req, response(), () => (passed = true));
    return passed;
  };

  it('spends every bucket that applies and refuses with the longest wait once any is spent', async () => {
    const small = new RateLimiterMemory({ points: 1, duration: 60 });
    const large = new RateLimiterMemory({ points: 10, duration: 600 });
    const limit = rateLimit([large, clientIp], [small, withQuery('costly', clientIp)]);
    expect(await run(limit, request({}))).toBe(true);
    expect(await run(limit, request({ query: { costly: '1' } }))).toBe(true);
    const refused = await rejection(run(limit, request({ query: { costly: '1' } })));
    expect(refused.code).toBe('RATE_LIMITED');
    expect(refused.details?.['retryAfterSeconds']).toBeGreaterThan(59);
    expect(await run(limit, request({}))).toBe(true); // the larger bucket still has points
    expect((await large.get('203.0.113.7'))?.consumedPoints).toBe(4);
  });
});
