import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, signedIn } from '../../../test-support/accounts.ts';
import { ApiClient } from '../../../test-support/http-client.ts';
import { codesSince, latestCode } from '../../../test-support/mailpit.ts';
import { startTestApi, type TestApi } from '../../../test-support/test-api.ts';
import { REFRESH_REUSE_WINDOW_MS } from '../domain/refresh-session.ts';

// One trusted proxy hop, so each test can play clients at distinct addresses via X-Forwarded-For.
let api: TestApi;
beforeAll(async () => {
  // Many code requests per account here: the per-account code limit is not what these tests are about.
  api = await startTestApi({ TRUST_PROXY: '1', RATE_CODE_ACCOUNT: '1000' });
});
afterAll(async () => {
  await api?.stop();
});

const FREE_ATTEMPTS = 5; // the default RATE_LOGIN_FREE_ATTEMPTS
const WRONG = 'not the password 123';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/**
 * The most guesses of one pair that may reach the password check in a burst
 * lasting `ms`: the free ones, then one more each time the wait (1 s, 2 s,
 * 4 s, ...) has run out, which a slow machine can reach within one burst.
 */
const mostChecked = (ms: number) => FREE_ATTEMPTS + Math.floor(Math.log2(ms / 1000 + 1));
const timed = async <T>(work: () => Promise<T>) => {
  const started = Date.now();
  const result = await work();
  return { result, ms: Date.now() - started };
};
const loginFrom = (ip: string, email: string, password: string) =>
  new ApiClient(api.baseUrl).post('/api/v1/auth/login', { email, password }, { 'x-forwarded-for': ip });

function expectRateLimited(res: { status: number; body: any; headers: Headers }) {
  expect(res.status).toBe(429);
  expect(res.body.error.code).toBe('RATE_LIMITED');
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(res.body.error.details.retryAfterSeconds).toBe(retryAfter);
  return retryAfter;
}

describe('refresh x refresh', () => {
  for (const width of [2, 10]) {
    it(`${width} concurrent refreshes with one cookie all get the same successor, 20 rounds in a row`, async () => {
      const { c } = await signedIn(api, 'patient');
      for (let round = 0; round < 20; round++) {
        const cookie = c.cookie!;
        const results = await Promise.all(
          Array.from({ length: width }, () => {
            const tab = new ApiClient(api.baseUrl);
            tab.cookie = cookie;
            return tab.post('/api/v1/auth/refresh').then((res) => ({ res, cookie: tab.cookie }));
          }),
        );
        expect(results.map((r) => r.res.status)).toEqual(Array(width).fill(200));
        const successors = new Set(results.map((r) => r.cookie));
        expect(successors.size).toBe(1);
        const [successor] = successors;
        expect(successor).toBeDefined();
        expect(successor).not.toBe(cookie);
        // Every answer carries a working access token of the still-open session.
        const tab = new ApiClient(api.baseUrl);
        tab.accessToken = results[round % width]!.res.body.accessToken;
        expect((await tab.get('/api/v1/me')).status).toBe(200);
        c.cookie = successor; // the next round refreshes with the shared successor
      }
      const last = await c.post('/api/v1/auth/refresh');
      expect(last.status).toBe(200);
      c.accessToken = last.body.accessToken;
      expect((await c.get('/api/v1/me')).status).toBe(200);
    });
  }

  it('a token presented again within the window gets the same successor; after the window it is a replay that ends the family', async () => {
    const { c } = await signedIn(api, 'patient');
    const original = c.cookie!;
    const first = await c.post('/api/v1/auth/refresh');
    expect(first.status).toBe(200);
    const successor = c.cookie!;

    // A retry whose answer was lost: same successor, fresh access token, session intact.
    const retry = new ApiClient(api.baseUrl);
    retry.cookie = original;
    expect((await retry.post('/api/v1/auth/refresh')).status).toBe(200);
    expect(retry.cookie).toBe(successor);

    api.clock.advance(REFRESH_REUSE_WINDOW_MS + 1000);
    try {
      const thief = new ApiClient(api.baseUrl);
      thief.cookie = original;
      const replay = await thief.post('/api/v1/auth/refresh');
      expect(replay.status).toBe(401);
      expect(replay.body.error.code).toBe('UNAUTHENTICATED');
      // The whole family is gone: the successor and its access token stop working.
      expect((await c.post('/api/v1/auth/refresh')).status).toBe(401);
      c.accessToken = first.body.accessToken;
      expect((await c.get('/api/v1/me')).status).toBe(401);
    } finally {
      api.clock.advance(-(REFRESH_REUSE_WINDOW_MS + 1000));
    }
  });
});

describe('login throttle per (account, IP)', () => {
  it('lets only the free attempts (and one per wait that ran out) of a 50-guess burst reach the password check; the owner elsewhere still gets in', async () => {
    const { email } = await signedIn(api, 'patient');
    const { result: burst, ms } = await timed(() =>
      Promise.all(Array.from({ length: 50 }, () => loginFrom('203.0.113.10', email, WRONG))),
    );
    const checked = burst.filter((r) => r.status === 401);
    const refused = burst.filter((r) => r.status === 429);
    expect(checked.length + refused.length).toBe(50);
    expect(checked.length).toBeGreaterThanOrEqual(1);
    expect(checked.length).toBeLessThanOrEqual(mostChecked(ms));
    for (const r of refused) expectRateLimited(r);

    const owner = await loginFrom('198.51.100.20', email, PASSWORD);
    expect(owner.status).toBe(200);
    expect(owner.body.user.email).toBe(email);
  });

  it('makes each further attempt wait longer, with Retry-After on every refusal', async () => {
    const { email } = await signedIn(api, 'patient');
    const ip = '203.0.113.11';
    for (let i = 0; i < FREE_ATTEMPTS; i++) expect((await loginFrom(ip, email, WRONG)).status).toBe(401);
    // Checked before the password: even the right one waits.
    const first = expectRateLimited(await loginFrom(ip, email, PASSWORD));
    expect(first).toBe(1);

    await sleep(first * 1000 + 150);
    expect((await loginFrom(ip, email, WRONG)).status).toBe(401);
    const second = expectRateLimited(await loginFrom(ip, email, WRONG));
    expect(second).toBeGreaterThan(first);

    await sleep(second * 1000 + 150);
    expect((await loginFrom(ip, email, PASSWORD)).status).toBe(200);
  });

  it('a successful login resets the pair: the free attempts are there again', async () => {
    const { email } = await signedIn(api, 'patient');
    const ip = '203.0.113.12';
    for (let i = 0; i < FREE_ATTEMPTS - 1; i++) expect((await loginFrom(ip, email, WRONG)).status).toBe(401);
    expect((await loginFrom(ip, email, PASSWORD)).status).toBe(200);
    for (let i = 0; i < FREE_ATTEMPTS; i++) expect((await loginFrom(ip, email, WRONG)).status).toBe(401);
    expectRateLimited(await loginFrom(ip, email, WRONG));
  });

  it('throttles unknown e-mails like real ones, so the answers reveal nothing', async () => {
    const email = `ghost-${Date.now()}@example.test`;
    const { result: burst, ms } = await timed(() =>
      Promise.all(Array.from({ length: 20 }, () => loginFrom('203.0.113.13', email, WRONG))),
    );
    const checked = burst.filter((r) => r.status === 401).length;
    expect(checked).toBeLessThanOrEqual(mostChecked(ms));
    expect(burst.filter((r) => r.status === 429).length).toBe(20 - checked);
  });
});

describe('e-mailed codes', () => {
  it('two resets with one code at once: exactly one succeeds, and only its password works (10 rounds)', async () => {
    const { email } = await signedIn(api, 'patient');
    let password = PASSWORD;
    for (let round = 0; round < 10; round++) {
      const asked = new Date();
      expect((await new ApiClient(api.baseUrl).post('/api/v1/auth/forgot-password', { email })).status).toBe(202);
      const code = await latestCode(email, 'reset', asked);
      const candidates = [`first choice ${round} phrase`, `second choice ${round} phrase`];
      const results = await Promise.all(
        candidates.map((newPassword) =>
          new ApiClient(api.baseUrl).post('/api/v1/auth/reset-password', { email, code, newPassword }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
      password = candidates[results.findIndex((r) => r.status === 200)]!;
      const other = candidates.find((p) => p !== password)!;
      expect((await loginFrom(`10.9.${round}.1`, email, password)).status).toBe(200);
      expect((await loginFrom(`10.9.${round}.2`, email, other)).status).toBe(401);
    }
  });

  it('codes asked for at once: the code stored last is the only one that works (5 rounds)', async () => {
    const { email } = await signedIn(api, 'patient');
    for (let round = 0; round < 5; round++) {
      const asked = new Date();
      await Promise.all([1, 2, 3].map(() => new ApiClient(api.baseUrl).post('/api/v1/auth/forgot-password', { email })));
      const codes = await codesSince(email, 'reset', asked, 3);
      expect(new Set(codes).size).toBe(3);
      const answers: number[] = [];
      for (const [i, code] of codes.entries()) {
        const newPassword = `round ${round} try ${i} phrase`;
        answers.push((await new ApiClient(api.baseUrl).post('/api/v1/auth/reset-password', { email, code, newPassword })).status);
      }
      // Each request replaced the code whole: exactly one code stands, and it works once.
      expect(answers.filter((s) => s === 200)).toHaveLength(1);
      expect(answers.filter((s) => s === 400)).toHaveLength(2);
    }
  });
});
