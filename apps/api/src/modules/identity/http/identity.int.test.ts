import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../../test-support/http-client.ts';
import { countMail, latestCode } from '../../../test-support/mailpit.ts';
import { startTestApi, type TestApi } from '../../../test-support/test-api.ts';
import { CODE_REFUSED } from '../domain/one-time-code.ts';
import { REFRESH_REUSE_WINDOW_MS } from '../domain/refresh-session.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.stop();
});

const PASSWORD = 'correct horse battery 42';
const newEmail = (tag = 'user') => `${tag}-${randomUUID().slice(0, 8)}@example.test`;
const client = () => new ApiClient(api.baseUrl);

async function registerVerified(role: 'patient' | 'doctor' = 'patient', email = newEmail(role)) {
  const c = client();
  const started = new Date(Date.now() - 1000);
  const reg = await c.post('/api/v1/auth/register', { role, name: 'Test Person', email, password: PASSWORD });
  expect(reg.status).toBe(201);
  const code = await latestCode(email, 'verification', started);
  expect((await c.post('/api/v1/auth/verify-email', { email, code })).status).toBe(200);
  return { c, email };
}

async function loggedIn(role: 'patient' | 'doctor' = 'patient') {
  const { c, email } = await registerVerified(role);
  const res = await c.post('/api/v1/auth/login', { email, password: PASSWORD });
  expect(res.status).toBe(200);
  c.accessToken = res.body.accessToken;
  return { c, email, user: res.body.user };
}

function expectError(res: { status: number; body: any }, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.body.error.code).toBe(code);
  expect(typeof res.body.error.message).toBe('string');
  expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+|MongoServerError|stack/);
}

describe('register', () => {
  it('creates a patient, e-mails a 6-digit code, and refuses a second account with the e-mail (409)', async () => {
    const email = newEmail();
    const c = client();
    const res = await c.post('/api/v1/auth/register', {
      role: 'patient',
      name: 'Ada Patient',
      email,
      password: PASSWORD,
      phone: '+44 20 7946 0958',
    });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ role: 'patient', name: 'Ada Patient', email, emailVerified: false });
    expect(res.body.user.passwordHash).toBeUndefined();
    expect(await latestCode(email, 'verification')).toMatch(/^\d{6}$/);

    const again = await c.post('/api/v1/auth/register', {
      role: 'doctor',
      name: 'Someone',
      email: email.toUpperCase(),
      password: PASSWORD,
    });
    expectError(again, 409, 'CONFLICT');
    expect(again.body.error.details.fieldErrors.email).toBeDefined();
  });

  it('answers 400 with field messages for bad input and stores nothing', async () => {
    const email = newEmail();
    const res = await client().post('/api/v1/auth/register', {
      role: 'admin',
      name: '',
      email: 'not-an-email',
      password: 'short',
    });
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(Object.keys(res.body.error.details.fieldErrors).sort()).toEqual(['email', 'name', 'password', 'role']);

    const common = await client().post('/api/v1/auth/register', {
      role: 'patient',
      name: 'Common',
      email,
      password: 'password1234',
    });
    expectError(common, 400, 'VALIDATION_FAILED');
    expect(common.body.error.details.fieldErrors.password[0]).toMatch(/common/);
    expect(await api.db.collection('users').countDocuments({ email })).toBe(0);
  });

  it('answers malformed JSON with 400 in the error shape', async () => {
    const res = await client().post('/api/v1/auth/register', '{"role": "patient",', { 'content-type': 'application/json' });
    expectError(res, 400, 'VALIDATION_FAILED');
  });

  it('refuses bodies over 1 MB', async () => {
    const res = await client().post('/api/v1/auth/register', { name: 'x'.repeat(1_100_000) });
    expectError(res, 413, 'PAYLOAD_TOO_LARGE');
  });
});

describe('verify e-mail', () => {
  it('blocks login until verified (403 EMAIL_NOT_VERIFIED), then lets the user in', async () => {
    const email = newEmail();
    const c = client();
    await c.post('/api/v1/auth/register', { role: 'doctor', name: 'Dr Who', email, password: PASSWORD });
    expectError(await c.post('/api/v1/auth/login', { email, password: PASSWORD }), 403, 'EMAIL_NOT_VERIFIED');
    const code = await latestCode(email, 'verification');
    expect((await c.post('/api/v1/auth/verify-email', { email, code })).status).toBe(200);
    const login = await c.post('/api/v1/auth/login', { email, password: PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ role: 'doctor', emailVerified: true });
  });

  it('rejects a wrong code with a field error', async () => {
    const email = newEmail();
    await client().post('/api/v1/auth/register', { role: 'patient', name: 'Wrong Code', email, password: PASSWORD });
    const code = await latestCode(email, 'verification');
    const wrong = code === '000000' ? '111111' : '000000';
    const res = await client().post('/api/v1/auth/verify-email', { email, code: wrong });
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(res.body.error.details.fieldErrors.code).toBeDefined();
  });

  it('rejects an expired code (after 15 minutes) and accepts a resent one', async () => {
    const email = newEmail();
    await client().post('/api/v1/auth/register', { role: 'patient', name: 'Slow Reader', email, password: PASSWORD });
    const code = await latestCode(email, 'verification');
    api.clock.advance(16 * 60_000);
    try {
      const res = await client().post('/api/v1/auth/verify-email', { email, code });
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(res.body.error.message).toBe(CODE_REFUSED);
      const before = new Date();
      expect((await client().post('/api/v1/auth/resend-verification', { email })).status).toBe(202);
      const fresh = await latestCode(email, 'verification', before);
      expect((await client().post('/api/v1/auth/verify-email', { email, code: fresh })).status).toBe(200);
    } finally {
      api.clock.advance(-16 * 60_000);
    }
  });

  it('allows at most 5 attempts per code, even with the right code after, and even when guesses race', async () => {
    const email = newEmail();
    await client().post('/api/v1/auth/register', { role: 'patient', name: 'Guesser', email, password: PASSWORD });
    const code = await latestCode(email, 'verification');
    const wrong = code === '123456' ? '654321' : '123456';
    const guesses = await Promise.all(
      Array.from({ length: 8 }, () => client().post('/api/v1/auth/verify-email', { email, code: wrong })),
    );
    expect(guesses.every((g) => g.status === 400)).toBe(true);
    const right = await client().post('/api/v1/auth/verify-email', { email, code });
    expectError(right, 400, 'VALIDATION_FAILED');
    expect(right.body.error.message).toBe(CODE_REFUSED);
  });

  it('resend answers 202 for unknown addresses and sends nothing', async () => {
    const email = newEmail('nobody');
    expect((await client().post('/api/v1/auth/resend-verification', { email })).status).toBe(202);
    await new Promise((r) => setTimeout(r, 300));
    expect(await countMail(email)).toBe(0);
  });
});

describe('login, refresh, logout', () => {
  it('sets an httpOnly SameSite=Strict refresh cookie and serves /me with the access token', async () => {
    const { c, email } = await registerVerified();
    const login = await c.post('/api/v1/auth/login', { email, password: PASSWORD });
    expect(login.status).toBe(200);
    expect(login.setCookie).toMatch(/HttpOnly/i);
    expect(login.setCookie).toMatch(/SameSite=Strict/i);
    expect(login.body.accessToken.split('.')).toHaveLength(3);
    c.accessToken = login.body.accessToken;
    const me = await c.get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ email, role: 'patient', emailVerified: true });
  });

  it('answers 401 for a wrong password, an unknown e-mail, and /me without a token', async () => {
    const { email } = await registerVerified();
    expectError(await client().post('/api/v1/auth/login', { email, password: 'wrong password 123' }), 401, 'UNAUTHENTICATED');
    expectError(
      await client().post('/api/v1/auth/login', { email: newEmail('ghost'), password: PASSWORD }),
      401,
      'UNAUTHENTICATED',
    );
    expectError(await client().get('/api/v1/me'), 401, 'UNAUTHENTICATED');
    const forged = client();
    forged.accessToken = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
    expectError(await forged.get('/api/v1/me'), 401, 'UNAUTHENTICATED');
  });

  it('rotates the refresh token; replaying a used one (after the reuse window) revokes the whole family', async () => {
    const { c } = await loggedIn();
    const first = c.cookie!;
    const r1 = await c.post('/api/v1/auth/refresh');
    expect(r1.status).toBe(200);
    expect(r1.body.accessToken).toBeTruthy();
    const second = c.cookie!;
    expect(second).not.toBe(first);

    api.clock.advance(REFRESH_REUSE_WINDOW_MS + 1000);
    try {
      const thief = client();
      thief.cookie = first;
      expectError(await thief.post('/api/v1/auth/refresh'), 401, 'UNAUTHENTICATED');
      // The legitimate holder's newer token died with the family, and so did its access token.
      c.cookie = second;
      expectError(await c.post('/api/v1/auth/refresh'), 401, 'UNAUTHENTICATED');
      c.accessToken = r1.body.accessToken;
      expectError(await c.get('/api/v1/me'), 401, 'UNAUTHENTICATED');
    } finally {
      api.clock.advance(-(REFRESH_REUSE_WINDOW_MS + 1000));
    }
  });

  it('refresh without a cookie is 401', async () => {
    expectError(await client().post('/api/v1/auth/refresh'), 401, 'UNAUTHENTICATED');
  });

  it('logout ends the session: refresh and the access token stop working', async () => {
    const { c } = await loggedIn();
    const cookie = c.cookie;
    const res = await c.post('/api/v1/auth/logout');
    expect(res.status).toBe(204);
    const again = client();
    again.cookie = cookie;
    expectError(await again.post('/api/v1/auth/refresh'), 401, 'UNAUTHENTICATED');
    expectError(await c.get('/api/v1/me'), 401, 'UNAUTHENTICATED');
  });

  it('after 5 failed logins from one address, the next try waits (429 with Retry-After), even with the right password', async () => {
    const { email } = await registerVerified();
    for (let i = 0; i < 5; i++) {
      expect((await client().post('/api/v1/auth/login', { email, password: `wrong-password-${i}` })).status).toBe(401);
    }
    const limited = await client().post('/api/v1/auth/login', { email, password: PASSWORD });
    expectError(limited, 429, 'RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.body.error.details.retryAfterSeconds).toBe(Number(limited.headers.get('retry-after')));
  });

  it('limits requests per IP (429 with Retry-After) as configured', async () => {
    const strict = await startTestApi({ RATE_LOGIN_IP: '3', RATE_REGISTER_IP: '2' });
    try {
      const c = new ApiClient(strict.baseUrl);
      const attempts = [];
      for (let i = 0; i < 4; i++)
        attempts.push(await c.post('/api/v1/auth/login', { email: newEmail('ip'), password: 'whatever-it-is-1' }));
      expect(attempts.map((a) => a.status)).toEqual([401, 401, 401, 429]);
      expectError(attempts[3]!, 429, 'RATE_LIMITED');
      expect(Number(attempts[3]!.headers.get('retry-after'))).toBeGreaterThan(0);
      const registers = [];
      for (let i = 0; i < 3; i++)
        registers.push(
          (
            await c.post('/api/v1/auth/register', {
              role: 'patient',
              name: 'Many Accounts',
              email: newEmail('ip'),
              password: PASSWORD,
            })
          ).status,
        );
      expect(registers).toEqual([201, 201, 429]);
    } finally {
      await strict.stop();
    }
  });

  it('a blocked account gets 403 ACCOUNT_BLOCKED at login, refresh and on any request', async () => {
    const { c, email, user } = await loggedIn();
    await api.db.collection('users').updateOne({ _id: user.id }, { $set: { blocked: { at: new Date(), reason: 'test' } } });
    expectError(await client().post('/api/v1/auth/login', { email, password: PASSWORD }), 403, 'ACCOUNT_BLOCKED');
    expectError(await c.get('/api/v1/me'), 403, 'ACCOUNT_BLOCKED');
    expectError(await c.post('/api/v1/auth/refresh'), 403, 'ACCOUNT_BLOCKED');
  });
});

describe('passwords', () => {
  it('forgot-password answers 202 for any address; reset with the code sets the password and ends other sessions', async () => {
    expect((await client().post('/api/v1/auth/forgot-password', { email: newEmail('ghost') })).status).toBe(202);

    const { c, email } = await loggedIn();
    const before = new Date(Date.now() - 1000);
    expect((await client().post('/api/v1/auth/forgot-password', { email })).status).toBe(202);
    const code = await latestCode(email, 'reset', before);
    const weak = await client().post('/api/v1/auth/reset-password', { email, code, newPassword: 'qwertyuiop' });
    expectError(weak, 400, 'VALIDATION_FAILED');
    expect(weak.body.error.details.fieldErrors.newPassword).toBeDefined();

    const newPassword = 'a brand new passphrase 7';
    expect((await client().post('/api/v1/auth/reset-password', { email, code, newPassword })).status).toBe(200);
    expectError(await c.get('/api/v1/me'), 401, 'UNAUTHENTICATED');
    expectError(await c.post('/api/v1/auth/refresh'), 401, 'UNAUTHENTICATED');
    expectError(await client().post('/api/v1/auth/login', { email, password: PASSWORD }), 401, 'UNAUTHENTICATED');
    expect((await client().post('/api/v1/auth/login', { email, password: newPassword })).status).toBe(200);
    // A code works once.
    expectError(
      await client().post('/api/v1/auth/reset-password', { email, code, newPassword: 'yet another passphrase 8' }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('change-password checks the current password and ends other sessions but keeps this one', async () => {
    const { c, email } = await loggedIn();
    const other = client();
    const otherLogin = await other.post('/api/v1/auth/login', { email, password: PASSWORD });
    other.accessToken = otherLogin.body.accessToken;

    const wrong = await c.post('/api/v1/auth/change-password', {
      currentPassword: 'not my password',
      newPassword: 'changed passphrase 99',
    });
    expectError(wrong, 400, 'VALIDATION_FAILED');
    expect(wrong.body.error.details.fieldErrors.currentPassword).toBeDefined();
    expectError(
      await client().post('/api/v1/auth/change-password', { currentPassword: PASSWORD, newPassword: 'changed passphrase 99' }),
      401,
      'UNAUTHENTICATED',
    );

    const ok = await c.post('/api/v1/auth/change-password', { currentPassword: PASSWORD, newPassword: 'changed passphrase 99' });
    expect(ok.status).toBe(200);
    expect((await c.get('/api/v1/me')).status).toBe(200);
    expect((await c.post('/api/v1/auth/refresh')).status).toBe(200);
    expectError(await other.get('/api/v1/me'), 401, 'UNAUTHENTICATED');
  });
});

describe('roles and admins', () => {
  it('admin routes answer 403 to patients and doctors, 401 to strangers, 200 to admins', async () => {
    const { c } = await loggedIn('patient');
    expectError(await c.get('/api/v1/admin/users'), 403, 'FORBIDDEN');
    const { c: doctor } = await loggedIn('doctor');
    expectError(await doctor.get('/api/v1/admin/users'), 403, 'FORBIDDEN');
    expectError(await client().get('/api/v1/admin/users'), 401, 'UNAUTHENTICATED');

    const email = newEmail('admin');
    expect(await api.container.identity.useCases.createAdmin({ email, password: PASSWORD, name: 'Root Admin' })).toBe('created');
    expect(await api.container.identity.useCases.createAdmin({ email, password: PASSWORD, name: 'Root Admin' })).toBe('updated');
    const admin = client();
    const login = await admin.post('/api/v1/auth/login', { email, password: PASSWORD });
    expect(login.body.user.role).toBe('admin');
    admin.accessToken = login.body.accessToken;
    const list = await admin.get('/api/v1/admin/users?role=admin&q=' + encodeURIComponent('.*('));
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ items: [], total: 0, page: 1, limit: 20 });
    const found = await admin.get('/api/v1/admin/users?q=' + encodeURIComponent(email));
    expect(found.body.items.map((u: { email: string }) => u.email)).toEqual([email]);
  });

  it('public sign-up cannot create an admin', async () => {
    const res = await client().post('/api/v1/auth/register', {
      role: 'admin',
      name: 'Sneaky',
      email: newEmail(),
      password: PASSWORD,
    });
    expectError(res, 400, 'VALIDATION_FAILED');
  });
});

describe('platform', () => {
  it('serves health, readiness and the OpenAPI document', async () => {
    expect((await client().get('/healthz')).status).toBe(200);
    expect((await client().get('/readyz')).status).toBe(200);
    const doc = await client().get('/api/v1/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/register', '/api/v1/auth/login', '/api/v1/me']),
    );
    expect(doc.body.paths['/api/v1/auth/register'].post.requestBody).toBeDefined();
  });

  it('readyz answers 503 when the database does not answer, while healthz stays 200', async () => {
    const lonely = await startTestApi();
    try {
      await lonely.container.close(); // the API's own database connection is gone
      const c = new ApiClient(lonely.baseUrl);
      expect((await c.get('/readyz')).status).toBe(503);
      expect((await c.get('/healthz')).status).toBe(200);
    } finally {
      await lonely.stop().catch(() => {});
    }
  });

  it('answers unknown API routes with 404 in the error shape', async () => {
    expectError(await client().get('/api/v1/nothing-here'), 404, 'NOT_FOUND');
  });

  it('sends security headers and allows CORS only for the web origin', async () => {
    const res = await client().request('OPTIONS', '/api/v1/auth/login', undefined, {
      origin: 'https://evil.example',
      'access-control-request-method': 'POST',
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const ok = await client().request('GET', '/api/v1/openapi.json', undefined, { origin: api.config.webOrigin });
    expect(ok.headers.get('access-control-allow-origin')).toBe(api.config.webOrigin);
    expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
    expect(ok.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(ok.headers.get('x-powered-by')).toBeNull();
  });
});
