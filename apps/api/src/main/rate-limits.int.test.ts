import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, signedIn } from '../test-support/accounts.ts';
import { ApiClient } from '../test-support/http-client.ts';
import { startTestApi, type TestApi } from '../test-support/test-api.ts';

/**
 * The per-route budgets, on an API configured with tiny ones: each route
 * answers 429 with Retry-After once its budget is spent, signed-in routes
 * count per user (not per shared address), and refresh has a bucket of its own.
 */
const WINDOW_SECONDS = 600;
let api: TestApi;
let alice: Awaited<ReturnType<typeof signedIn>>;
let bob: Awaited<ReturnType<typeof signedIn>>;
beforeAll(async () => {
  api = await startTestApi({
    RATE_IP_WINDOW: String(WINDOW_SECONDS),
    RATE_USER_WINDOW: String(WINDOW_SECONDS),
    RATE_LOGIN_IP: '3',
    RATE_REFRESH_IP: '3',
    RATE_SEARCH_IP: '4',
    RATE_SEARCH_AVAILABLE_IP: '1',
    RATE_SLOTS_IP: '2',
    RATE_BOOKING_USER: '2',
    RATE_UPLOAD_USER: '1',
  });
  // Two logins of the three this address may make.
  [alice, bob] = await Promise.all([signedIn(api, 'patient'), signedIn(api, 'patient')]);
});
afterAll(async () => {
  await api?.stop();
});

type Response = Awaited<ReturnType<ApiClient['request']>>;

function expectLimited(res: Response) {
  expect(res.status, res.text).toBe(429);
  expect(res.body.error.code).toBe('RATE_LIMITED');
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
}

describe('per-route budgets', () => {
  const slotsPath = `/api/v1/doctors/${randomUUID()}/slots?from=2030-01-07&to=2030-01-07&tz=UTC`;
  const anyone = () => new ApiClient(api.baseUrl);
  // [route, budget, one request]: the request may fail for its own reasons (400, 404); it still spends a point.
  const cases: [route: string, budget: number, call: () => Promise<Response>][] = [
    ['slot listing, per IP', 2, () => anyone().get(slotsPath)],
    ['search with availableOn, per IP', 1, () => anyone().get('/api/v1/doctors?availableOn=2030-01-07&tz=UTC')],
    ['booking, per patient', 2, () => alice.c.post('/api/v1/appointments', {})],
    ['upload URLs, per user', 1, () => alice.c.post('/api/v1/uploads', {})],
  ];

  it.each(cases)('%s: 429 with Retry-After once the budget is spent', async (_route, budget, call) => {
    for (let i = 0; i < budget; i++) expect((await call()).status).not.toBe(429);
    expectLimited(await call());
  });

  it('a search without availableOn still has its own larger budget, which the costly variant also spends', async () => {
    // Spent so far on this address: 2 searches with availableOn (one refused); 4 allowed in all.
    expect((await anyone().get('/api/v1/doctors')).status).toBe(200);
    expect((await anyone().get('/api/v1/doctors?q=x')).status).toBe(200);
    expectLimited(await anyone().get('/api/v1/doctors'));
  });

  it('signed-in budgets are per user: a second patient at the same address books and uploads', async () => {
    expectLimited(await alice.c.post('/api/v1/appointments', {}));
    expectLimited(await alice.c.post(`/api/v1/appointments/${randomUUID()}/reschedule`, {}));
    expect((await bob.c.post('/api/v1/appointments', {})).status).toBe(400);
    expect((await bob.c.post('/api/v1/uploads', {})).status).toBe(400);
  });

  it('refresh has its own bucket: login exhausted at this address, sessions still refresh', async () => {
    expect((await anyone().post('/api/v1/auth/login', { email: alice.email, password: PASSWORD })).status).toBe(200);
    expectLimited(await anyone().post('/api/v1/auth/login', { email: bob.email, password: PASSWORD }));
    for (const c of [alice.c, bob.c, alice.c]) expect((await c.post('/api/v1/auth/refresh')).status).toBe(200);
    expectLimited(await bob.c.post('/api/v1/auth/refresh'));
  });
});
