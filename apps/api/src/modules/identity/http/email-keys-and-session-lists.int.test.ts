import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, newEmail, signedIn, signedInAdmin } from '../../../test-support/accounts.ts';
import { ApiClient } from '../../../test-support/http-client.ts';
import { latestCode } from '../../../test-support/mailpit.ts';
import { startTestApi, type TestApi } from '../../../test-support/test-api.ts';

/**
 * Accounts are found by e-mail through `user_emails` (`_id` = the address),
 * and a user's sessions through `user_sessions` (`_id` = `<userId>:<n>`): point
 * reads only. These tests prove the keys decide, survive crashes and races,
 * and are backfilled for data stored before they existed.
 */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ RATE_CODE_ACCOUNT: '1000' });
});
afterAll(async () => {
  await api?.stop();
});

const client = (on: TestApi = api) => new ApiClient(on.baseUrl);
const emailKeys = () => api.db.collection<{ _id: string; userId: string }>('user_emails');
const register = (email: string, password = PASSWORD) =>
  client().post('/api/v1/auth/register', { role: 'patient', name: 'Key Holder', email, password });
const login = (email: string, password = PASSWORD, on: TestApi = api) =>
  client(on).post('/api/v1/auth/login', { email, password });

async function verify(email: string, after: Date) {
  const code = await latestCode(email, 'verification', after);
  expect((await client().post('/api/v1/auth/verify-email', { email, code })).status).toBe(200);
}

/** `n` more open sessions of one account, each its own signed-in client (one after another: logins are throttled). */
async function sessionsOf(email: string, n: number) {
  const sessions: ApiClient[] = [];
  for (let i = 0; i < n; i++) {
    const c = client();
    const res = await c.post('/api/v1/auth/login', { email, password: PASSWORD });
    expect(res.status).toBe(200);
    c.accessToken = res.body.accessToken;
    sessions.push(c);
  }
  return sessions;
}
/** Whether a session still works: its access token and its refresh cookie. */
async function stillOpen(c: ApiClient) {
  const [me, refreshed] = [(await c.get('/api/v1/me')).status, (await c.post('/api/v1/auth/refresh')).status];
  if (me === 200 && refreshed === 200) return true;
  expect([me, refreshed]).toEqual([401, 401]);
  return false;
}

async function resetPassword(email: string, newPassword: string) {
  const asked = new Date();
  expect((await client().post('/api/v1/auth/forgot-password', { email })).status).toBe(202);
  const code = await latestCode(email, 'reset', asked);
  expect((await client().post('/api/v1/auth/reset-password', { email, code, newPassword })).status).toBe(200);
}

describe('the e-mail key', () => {
  it('sign-up takes the key; log-in, (upper-case) look-ups and password reset go through it', async () => {
    const email = newEmail();
    const started = new Date(Date.now() - 1000);
    const reg = await register(email);
    expect(reg.status).toBe(201);
    expect(await emailKeys().findOne({ _id: email })).toMatchObject({ userId: reg.body.user.id });
    await verify(email, started);
    expect((await login(email)).body.user.id).toBe(reg.body.user.id);
    expect((await login(`  ${email.toUpperCase()} `)).status).toBe(200);

    await resetPassword(email, 'a brand new passphrase 7');
    expect((await login(email)).status).toBe(401);
    expect((await login(email, 'a brand new passphrase 7')).status).toBe(200);

    // Without its key the account is not found: the key is what every look-up by e-mail reads.
    await emailKeys().deleteOne({ _id: email });
    expect((await login(email, 'a brand new passphrase 7')).status).toBe(401);
  });

  it('concurrent sign-ups of one e-mail: exactly one 201, the rest 409, one account and one key (8 rounds)', async () => {
    for (let round = 0; round < 8; round++) {
      const email = newEmail('race');
      const passwords = [1, 2, 3].map((i) => `racer ${i} of round ${round} phrase`);
      const started = new Date(Date.now() - 1000);
      const results = await Promise.all(passwords.map((p) => register(email, p)));
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
      const winner = results.findIndex((r) => r.status === 201);
      const id = results[winner]!.body.user.id;

      expect(await api.db.collection('users').countDocuments({ email })).toBe(1);
      expect(await emailKeys().find({ userId: id }).toArray()).toEqual([{ _id: email, userId: id, at: expect.any(Date) }]);
      await verify(email, started);
      for (const [i, password] of passwords.entries())
        expect((await login(email, password)).status).toBe(i === winner ? 200 : 401);
    }
  });

  it('a key left by a crashed sign-up (no account behind it) does not block the e-mail, even for racing sign-ups', async () => {
    for (const racers of [1, 2, 3]) {
      const email = newEmail('crashed');
      const orphan = randomUUID();
      await emailKeys().insertOne({ _id: email, userId: orphan });
      expect((await login(email)).status).toBe(401);

      const started = new Date(Date.now() - 1000);
      const results = await Promise.all(Array.from({ length: racers }, () => register(email)));
      expect(results.filter((r) => r.status === 201)).toHaveLength(1);
      expect(results.filter((r) => r.status === 409)).toHaveLength(racers - 1);
      // The account is made under the key's id, so the key holds as it is.
      expect(results.find((r) => r.status === 201)!.body.user.id).toBe(orphan);
      expect(await api.db.collection('users').countDocuments({ email })).toBe(1);
      await verify(email, started);
      expect((await login(email)).body.user.id).toBe(orphan);
    }
  });
});

describe('the start-up backfill', () => {
  it('gives accounts and sessions stored before keys and lists their keys: they sign in, and a reset ends those sessions', async () => {
    const old = await signedIn(api, 'patient');
    const [oldSession] = await sessionsOf(old.email, 1);
    const other = await signedIn(api, 'patient');
    // As a database written before this change: no key, no session lists, no record of a backfill.
    await emailKeys().deleteOne({ _id: old.email });
    await api.db.collection('user_sessions').deleteMany({ _id: { $regex: `^${old.id}:` } as never });
    const forgetBackfills = () =>
      api.db.collection('migrations').deleteMany({ _id: { $in: ['user-email-keys', 'session-lists'] } as never });
    await forgetBackfills();
    expect((await login(old.email)).status).toBe(401);

    // A restart runs the backfill (twice here: it is idempotent).
    for (let run = 0; run < 2; run++) {
      if (run) await forgetBackfills();
      const restarted = await startTestApi({}, undefined, { dbName: api.dbName });
      try {
        expect((await login(old.email, PASSWORD, restarted)).body.user.id).toBe(old.id);
      } finally {
        await restarted.stop();
      }
    }
    expect(await emailKeys().countDocuments({ userId: old.id })).toBe(1);
    expect((await login(old.email)).status).toBe(200);

    // The sessions opened before the lists existed are listed now: a reset ends them all.
    await resetPassword(old.email, 'after the backfill phrase');
    for (const c of [old.c, oldSession!]) expect(await stillOpen(c)).toBe(false);
    expect(await stillOpen(other.c)).toBe(true);
  });
});

describe('ending every session of one user', () => {
  it('a password reset ends all 25 sessions of the account and none of another account', async () => {
    const [mine, theirs] = [await signedIn(api, 'patient'), await signedIn(api, 'patient')];
    const sessions = [mine.c, ...(await sessionsOf(mine.email, 24))];
    const others = [theirs.c, ...(await sessionsOf(theirs.email, 2))];

    await resetPassword(mine.email, 'reset ends them all 42');
    for (const c of sessions) expect(await stillOpen(c)).toBe(false);
    for (const c of others) expect(await stillOpen(c)).toBe(true);
    // A new session works as usual.
    expect((await login(mine.email, 'reset ends them all 42')).status).toBe(200);
  });

  it('blocking ends every session of the account (still ended after the unblock) and none of another account', async () => {
    const admin = await signedInAdmin(api);
    const [blocked, bystander] = [await signedIn(api, 'doctor'), await signedIn(api, 'patient')];
    const sessions = [blocked.c, ...(await sessionsOf(blocked.email, 3))];
    const others = [bystander.c, ...(await sessionsOf(bystander.email, 2))];

    expect((await admin.c.post(`/api/v1/admin/users/${blocked.id}/block`, { reason: 'ends its sessions' })).status).toBe(200);
    expect((await admin.c.post(`/api/v1/admin/users/${blocked.id}/unblock`)).status).toBe(200);
    for (const c of sessions) expect(await stillOpen(c)).toBe(false);
    for (const c of others) expect(await stillOpen(c)).toBe(true);
    expect((await login(blocked.email)).status).toBe(200);
  });

  it('revocations racing each other and refreshes (logout, reset, block, refresh at once) leave every session ended (4 rounds)', async () => {
    // Setting `revokedAt` is the only change a session family ever gets after its insert, and every
    // writer sets it: FerretDB's read-then-write cannot lose it, whatever the interleaving.
    const admin = await signedInAdmin(api);
    const bystander = await signedIn(api, 'patient');
    for (let round = 0; round < 4; round++) {
      const user = await signedIn(api, 'patient');
      const sessions = [user.c, ...(await sessionsOf(user.email, 3))];
      const asked = new Date();
      expect((await client().post('/api/v1/auth/forgot-password', { email: user.email })).status).toBe(202);
      const code = await latestCode(user.email, 'reset', asked);
      const results = await Promise.all([
        sessions[0]!.post('/api/v1/auth/logout'),
        sessions[1]!.post('/api/v1/auth/refresh'),
        sessions[2]!.post('/api/v1/auth/refresh'),
        client().post('/api/v1/auth/reset-password', { email: user.email, code, newPassword: `raced phrase ${round} 42` }),
        admin.c.post(`/api/v1/admin/users/${user.id}/block`, { reason: 'race' }),
      ]);
      expect(results.map((r) => r.status)).toEqual([204, expect.any(Number), expect.any(Number), 200, 200]);
      const families = await api.db.collection('session_families').find({ userId: user.id }).toArray();
      expect(families).toHaveLength(4);
      expect(families.every((f) => f['revokedAt'] instanceof Date)).toBe(true);
      expect((await admin.c.post(`/api/v1/admin/users/${user.id}/unblock`)).status).toBe(200);
      for (const c of sessions) expect(await stillOpen(c)).toBe(false);
    }
    expect(await stillOpen(bystander.c)).toBe(true);
  });
});
