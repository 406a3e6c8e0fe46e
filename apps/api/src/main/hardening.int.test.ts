import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { SignJWT, decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODE_REFUSED } from '../modules/identity/domain/one-time-code.ts';
import { PASSWORD, newEmail, signedIn } from '../test-support/accounts.ts';
import { ApiClient } from '../test-support/http-client.ts';
import { latestCode } from '../test-support/mailpit.ts';
import { startTestApi, type TestApi } from '../test-support/test-api.ts';

/**
 * HTTP and auth hardening, each point against the real API: malformed input
 * is a 400 not a 500, API answers are never cached, the CSP names only the
 * storage origin, robots.txt is a file, e-mail codes say nothing about which
 * accounts exist, and only tokens the server would have issued get in.
 */
const robotsFile = path.resolve(import.meta.dirname, '../../../web/public/robots.txt');
let api: TestApi;
let webDist: string;
beforeAll(async () => {
  webDist = mkdtempSync(path.join(tmpdir(), 'doctime-web-'));
  writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>DocTime</title>');
  copyFileSync(robotsFile, path.join(webDist, 'robots.txt'));
  api = await startTestApi({ WEB_DIST: webDist });
});
afterAll(async () => {
  await api?.stop();
  rmSync(webDist, { recursive: true, force: true });
});

const client = () => new ApiClient(api.baseUrl);

function expectErrorShape(res: { status: number; body: any }, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.body?.error?.code).toBe(code);
  expect(typeof res.body.error.message).toBe('string');
  expect(JSON.stringify(res.body)).not.toMatch(/URIError|Z_DATA_ERROR|zlib|at .*\.ts:\d+|stack/);
}

async function countDocuments() {
  const names = ['users', 'session_families', 'one_time_codes'];
  return Promise.all(names.map((n) => api.db.collection(n).countDocuments()));
}

describe('malformed requests answer 400 in the error shape and change nothing', () => {
  const garbage = Buffer.from('this is not compressed at all');
  const json = (encoding: string): Record<string, string> => ({
    'content-type': 'application/json',
    'content-encoding': encoding,
  });
  const cases: [label: string, method: string, path: string, headers?: Record<string, string>, body?: Buffer][] = [
    ['an API path parameter with broken percent-encoding', 'GET', '/api/v1/doctors/%E0%A4%A', {}],
    ['an API path with a lone %', 'GET', '/api/v1/%', {}],
    ['a web route with a lone %', 'GET', '/%', {}],
    ['a web route with an invalid UTF-8 sequence', 'GET', '/patient/%C0%AF', {}],
    ['a gzip body that is not gzip', 'POST', '/api/v1/auth/login', json('gzip'), garbage],
    ['a truncated gzip body', 'POST', '/api/v1/auth/login', json('gzip'), gzipSync('{"email":"a@b.co"}').subarray(0, 12)],
    ['a deflate body that is not deflate', 'POST', '/api/v1/auth/login', json('deflate'), garbage],
    ['a br body that is not brotli', 'POST', '/api/v1/auth/register', json('br'), garbage],
    ['a brotli body that is not JSON', 'POST', '/api/v1/auth/register', json('br'), brotliCompressSync('{"role":')],
  ];

  it.each(cases)('%s', async (_label, method, path, headers, body) => {
    const before = await countDocuments();
    const res = await fetch(api.baseUrl + path, { method, headers, body });
    const parsed: { status: number; body: any } = { status: res.status, body: await res.json() };
    expectErrorShape(parsed, 400, 'VALIDATION_FAILED');
    expect(parsed.body.error.details.fieldErrors._).toHaveLength(1);
    expect(await countDocuments()).toEqual(before);
  });
});

describe('headers', () => {
  it('every API answer carries Cache-Control: no-store, success or error; only openapi.json is cacheable', async () => {
    const { c, email } = await signedIn(api, 'patient');
    const anonymous = client();
    const answers = {
      login: await c.post('/api/v1/auth/login', { email, password: PASSWORD }),
      'wrong password': await anonymous.post('/api/v1/auth/login', { email, password: 'not the password 1' }),
      refresh: await c.post('/api/v1/auth/refresh'),
      'refresh without cookie': await anonymous.post('/api/v1/auth/refresh'),
      me: await c.get('/api/v1/me'),
      'me without token': await anonymous.get('/api/v1/me'),
      'verify-email refused': await anonymous.post('/api/v1/auth/verify-email', { email, code: '000000' }),
      'forgot-password': await anonymous.post('/api/v1/auth/forgot-password', { email }),
      'public search': await anonymous.get('/api/v1/doctors'),
      'unknown v1 route': await anonymous.get('/api/v1/nothing-here'),
      'unknown api route': await anonymous.get('/api/nothing-here'),
      'malformed path': await anonymous.get('/api/v1/doctors/%E0%A4%A'),
    };
    const cacheControl = Object.fromEntries(Object.entries(answers).map(([k, r]) => [k, r.headers.get('cache-control')]));
    expect(cacheControl).toEqual(Object.fromEntries(Object.keys(answers).map((k) => [k, 'no-store'])));
    expect(answers.login.status).toBe(200);
    expect(answers.refresh.status).toBe(200);
    expect((await anonymous.get('/api/v1/openapi.json')).headers.get('cache-control')).toBe('public, max-age=300');
  });

  it('the CSP names the storage origin and no bare scheme; Permissions-Policy allows camera and microphone on self only', async () => {
    const storage = new URL(api.config.s3.publicEndpoint ?? api.config.s3.endpoint!).origin;
    for (const path of ['/api/v1/doctors', '/patient/doctors']) {
      const res = await fetch(api.baseUrl + path);
      const csp = Object.fromEntries(
        res.headers
          .get('content-security-policy')!
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .map(([name, ...sources]) => [name, sources]),
      );
      expect(csp['connect-src']).toEqual(["'self'", storage]);
      expect(csp['img-src']).toEqual(["'self'", 'data:', 'blob:', storage]);
      expect(csp['media-src']).toEqual(["'self'", 'data:', 'blob:', storage]);
      expect(csp['frame-src']).toEqual(["'self'", 'blob:', storage]);
      expect(Object.values(csp).flat()).not.toEqual(expect.arrayContaining([expect.stringMatching(/^(https?|wss?):$/)]));
      const policy = res.headers.get('permissions-policy')!.split(', ');
      expect(policy).toEqual(
        expect.arrayContaining(['camera=(self)', 'microphone=(self)', 'geolocation=()', 'payment=()', 'usb=()']),
      );
    }
  });

  it('robots.txt is the real file; a missing file is a 404; client routes get the app', async () => {
    const robots = await fetch(`${api.baseUrl}/robots.txt`);
    expect(robots.status).toBe(200);
    expect(robots.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await robots.text()).toBe(readFileSync(robotsFile, 'utf8'));
    expectErrorShape(await client().get('/missing-chunk.js'), 404, 'NOT_FOUND');
    const route = await fetch(`${api.baseUrl}/patient/doctors`);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>DocTime</title>');
  });
});

describe('e-mail codes do not reveal which accounts exist', () => {
  async function registered(verified: boolean) {
    const email = newEmail('codes');
    await client().post('/api/v1/auth/register', { role: 'patient', name: 'Code Probe', email, password: PASSWORD });
    const code = await latestCode(email, 'verification');
    if (verified) expect((await client().post('/api/v1/auth/verify-email', { email, code })).status).toBe(200);
    return { email, code, wrong: code === '000000' ? '111111' : '000000' };
  }
  const answer = (res: { status: number; body: unknown }) => ({ status: res.status, body: res.body });

  it('verify-email answers an unknown address, a wrong code and a verified address alike', async () => {
    const [pending, verified] = await Promise.all([registered(false), registered(true)]);
    const verify = async (email: string, code: string) =>
      answer(await client().post('/api/v1/auth/verify-email', { email, code }));
    const refusal = {
      status: 400,
      body: { error: { code: 'VALIDATION_FAILED', message: CODE_REFUSED, details: { fieldErrors: { code: [CODE_REFUSED] } } } },
    };
    expect(await verify(newEmail('nobody'), pending.wrong)).toEqual(refusal);
    expect(await verify(pending.email, pending.wrong)).toEqual(refusal);
    expect(await verify(verified.email, verified.wrong)).toEqual(refusal);
    // The mailbox owner clicking twice still gets 200; nobody else can tell.
    expect((await verify(verified.email, verified.code)).status).toBe(200);
  });

  it('reset-password answers an unknown address like a wrong code', async () => {
    const { email, wrong } = await registered(true);
    const reset = async (address: string) =>
      answer(
        await client().post('/api/v1/auth/reset-password', { email: address, code: wrong, newPassword: 'a brand new phrase 7' }),
      );
    expect(await reset(newEmail('nobody'))).toEqual(await reset(email));
  });
});

describe('access tokens: only what the server would issue gets in', () => {
  const now = () => Math.floor(Date.now() / 1000);
  const key = () => new TextEncoder().encode(api.config.jwtSecret);
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

  interface Claims {
    sub?: string;
    sid: string;
    role: string;
  }
  /** A token as the server signs it, with the given changes. */
  function forge(
    claims: Claims,
    change: { alg?: string; iss?: string; iat?: number | null; exp?: number | null; secret?: string } = {},
  ) {
    const jwt = new SignJWT({ role: claims.role, sid: claims.sid }).setProtectedHeader({ alg: change.alg ?? 'HS256' });
    if (claims.sub) jwt.setSubject(claims.sub);
    jwt.setIssuer(change.iss ?? 'doctime');
    if (change.iat !== null) jwt.setIssuedAt(change.iat ?? now());
    if (change.exp !== null) jwt.setExpirationTime(change.exp ?? now() + 600);
    return jwt.sign(change.secret ? new TextEncoder().encode(change.secret) : key());
  }

  let alice: Claims;
  let bob: Claims;
  beforeAll(async () => {
    const claimsOf = (token: string) => {
      const { sub, sid, role } = decodeJwt(token) as { sub: string; sid: string; role: string };
      return { sub, sid, role };
    };
    alice = claimsOf((await signedIn(api, 'patient')).c.accessToken!);
    bob = claimsOf((await signedIn(api, 'patient')).c.accessToken!);
  });

  const cases: [label: string, token: () => Promise<string>, path: string, status: number][] = [
    ['a token as issued (control)', () => forge(alice), '/api/v1/me', 200],
    ['no exp', () => forge(alice, { exp: null }), '/api/v1/me', 401],
    ['expired', () => forge(alice, { iat: now() - 3600, exp: now() - 60 }), '/api/v1/me', 401],
    ['exp a year ahead', () => forge(alice, { exp: now() + 365 * 86_400 }), '/api/v1/me', 401],
    ['no iat', () => forge(alice, { iat: null }), '/api/v1/me', 401],
    ['issued longer ago than the TTL', () => forge(alice, { iat: now() - 86_400 }), '/api/v1/me', 401],
    ['another issuer', () => forge(alice, { iss: 'someone-else' }), '/api/v1/me', 401],
    ['HS512 with the real secret', () => forge(alice, { alg: 'HS512' }), '/api/v1/me', 401],
    ['another secret', () => forge(alice, { secret: 'x'.repeat(40) }), '/api/v1/me', 401],
    [
      'alg none',
      async () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...alice, iss: 'doctime', iat: now(), exp: now() + 600 })}.`,
      '/api/v1/me',
      401,
    ],
    ['no subject', () => forge({ ...alice, sub: undefined }), '/api/v1/me', 401],
    ["another user's session", () => forge({ ...alice, sid: bob.sid }), '/api/v1/me', 401],
    ['an unknown session', () => forge({ ...alice, sid: 'not-a-session' }), '/api/v1/me', 401],
    ['an admin role claim on a patient account', () => forge({ ...alice, role: 'admin' }), '/api/v1/admin/users', 403],
  ];

  it.each(cases)('%s', async (_label, token, path, status) => {
    const c = client();
    c.accessToken = await token();
    const res = await c.get(path);
    expect(res.status, res.text).toBe(status);
    if (status === 200) expect(res.body.user.id).toBe(alice.sub);
  });
});
