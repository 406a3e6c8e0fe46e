import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, newEmail, signedIn, signedInAdmin } from '../../../test-support/accounts.ts';
import { ApiClient } from '../../../test-support/http-client.ts';
import { latestCode } from '../../../test-support/mailpit.ts';
import { settleSideEffects, unreachableSmtpUrl } from '../../../test-support/outbox.ts';
import { startTestApi, type TestApi } from '../../../test-support/test-api.ts';

/**
 * Concurrent changes of one account, raced over many rounds against the real
 * database. The user is a versioned record: every change is committed on top
 * of the version it was made from, and a change that loses the race re-reads
 * and applies itself again, so no acknowledged change is lost (FerretDB's
 * plain updates are read-then-write and would lose one of two).
 */
const ROUNDS = 15;

let api: TestApi;
let admin: Awaited<ReturnType<typeof signedInAdmin>>;
beforeAll(async () => {
  // Many code requests per account: the per-account code limit would stop the rounds otherwise.
  api = await startTestApi({ RATE_CODE_ACCOUNT: '1000' });
  admin = await signedInAdmin(api);
});
afterAll(async () => {
  await api?.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs two requests so that their writes meet. Each writes near its end, so
 * the one that took less time last round is started later by the difference,
 * give or take a few ms that vary from round to round. (FerretDB loses one of
 * two plain updates only when they overlap; started at the same instant, a
 * quick request would write long before a slow one and test nothing.)
 */
function makeRace() {
  let lead = 0; // how much longer the first request took than the second, last round
  const timed = async <T>(ms: number, work: () => Promise<T>) => {
    await sleep(ms);
    const start = performance.now();
    const result = await work();
    return { result, ms: performance.now() - start };
  };
  return async function race<A, B>(round: number, first: () => Promise<A>, second: () => Promise<B>): Promise<[A, B]> {
    const offset = lead + ((round % 9) - 4) * 2;
    const [a, b] = await Promise.all([timed(Math.max(0, -offset), first), timed(Math.max(0, offset), second)]);
    lead = a.ms - b.ms;
    return [a.result, b.result];
  };
}

const settle = (on: TestApi = api) => settleSideEffects(on);

interface AdminUserView {
  id: string;
  email: string;
  blocked: boolean;
  blockedReason?: string;
  emailVerified: boolean;
}
interface UserHead {
  _id: string;
  version: number;
  passwordHash: string;
  emailVerified: boolean;
  blocked: { reason: string } | null;
  blockHistory: { blocked: boolean; reason?: string }[];
}

const block = (id: string, reason: string) => admin.c.post(`/api/v1/admin/users/${id}/block`, { reason });
const unblock = (id: string) => admin.c.post(`/api/v1/admin/users/${id}/unblock`);
/** What the admin's user list shows for the account. */
const listed = async (email: string) => {
  const res = await admin.c.get(`/api/v1/admin/users?q=${encodeURIComponent(email)}`);
  expect(res.status, res.text).toBe(200);
  return (res.body.items as AdminUserView[]).find((u) => u.email === email)!;
};
/** The account as every authenticated request sees it: the newest committed version. */
const record = (id: string) => api.container.identity.useCases.findAccount(id);
const head = async (id: string) => (await api.db.collection<UserHead>('users').findOne({ _id: id }))!;
/** The newest committed version in the commit log. */
const newestVersion = async (id: string) =>
  (await api.db
    .collection<{ _id: string; recordId: string; value: UserHead }>('users_versions')
    .findOne({ recordId: id }, { sort: { 'value.version': -1 } }))!.value;
const auditOf = async (targetId: string) =>
  (await admin.c.get(`/api/v1/admin/audit-log?targetId=${targetId}&limit=100`)).body.items as { action: string }[];

async function logIn(email: string, password: string) {
  const c = new ApiClient(api.baseUrl);
  const res = await c.post('/api/v1/auth/login', { email, password });
  c.accessToken = res.body?.accessToken;
  return { c, status: res.status, code: res.body?.error?.code as string | undefined };
}

async function expectBlockedEverywhere(user: { id: string; email: string }, round: number) {
  const [view, account, stored] = await Promise.all([listed(user.email), record(user.id), head(user.id)]);
  expect(account?.blocked, `round ${round}`).toBe(true);
  expect(view.blocked, `round ${round}`).toBe(true);
  expect(stored.blocked, `round ${round}`).not.toBeNull();
}

describe('block x password change', () => {
  it('the account ends blocked and, when the change was answered 200, keeps the new password', async () => {
    const user = await signedIn(api, 'patient');
    let password = PASSWORD;
    let client = user.c;
    let changed = 0;
    const race = makeRace();
    for (let round = 1; round <= ROUNDS; round++) {
      const next = `brand new phrase ${round} ${user.id.slice(0, 6)}`;
      const [change, blocked] = await race(
        round,
        () => client.post('/api/v1/auth/change-password', { currentPassword: password, newPassword: next }),
        () => block(user.id, `Round ${round}`),
      );
      expect(blocked.status, blocked.text).toBe(200);
      // Changed before the block took effect, or refused because of it.
      expect([200, 403], change.text).toContain(change.status);
      if (change.status === 200) {
        password = next;
        changed++;
      } else expect(change.body.error.code).toBe('ACCOUNT_BLOCKED');
      await expectBlockedEverywhere(user, round);
      expect((await logIn(user.email, password)).code, `round ${round}`).toBe('ACCOUNT_BLOCKED');

      expect((await unblock(user.id)).status).toBe(200);
      const login = await logIn(user.email, password);
      expect(login.status, `round ${round}: the acknowledged password`).toBe(200);
      if (change.status === 200) expect((await logIn(user.email, PASSWORD)).status).toBe(401);
      client = login.c;
    }
    expect(changed).toBeGreaterThan(0);
  });
});

describe('block x unblock', () => {
  it('ends in the state of the last committed change, the list agrees with the record, and both changes are recorded', async () => {
    const user = await signedIn(api, 'doctor');
    const race = makeRace();
    for (let round = 1; round <= ROUNDS; round++) {
      const [blocked, unblocked] = await race(
        round,
        () => block(user.id, `Round ${round}`),
        () => unblock(user.id),
      );
      expect(blocked.status, blocked.text).toBe(200);
      expect(unblocked.status, unblocked.text).toBe(200);

      const [view, account, stored, newest] = await Promise.all([
        listed(user.email),
        record(user.id),
        head(user.id),
        newestVersion(user.id),
      ]);
      // Both acknowledged changes are in the history; the state is that of the one committed last.
      const last = stored.blockHistory.at(-1)!;
      expect(stored.blockHistory, `round ${round}`).toHaveLength(2 * round);
      expect(
        stored.blockHistory
          .slice(-2)
          .map((h) => h.blocked)
          .sort(),
        `round ${round}`,
      ).toEqual([false, true]);
      expect(!!stored.blocked, `round ${round}`).toBe(last.blocked);
      expect(stored.version).toBe(newest.version);
      expect(!!newest.blocked).toBe(last.blocked);
      expect(account?.blocked, `round ${round}`).toBe(last.blocked);
      expect(view.blocked, `round ${round}`).toBe(last.blocked);
      expect(view.blockedReason).toBe(last.blocked ? `Round ${round}` : undefined);
    }
    // Every acknowledged change's audit entry is written, once.
    await settle();
    const actions = (await auditOf(user.id)).map((a) => a.action);
    expect(actions.filter((a) => a === 'user.block')).toHaveLength(ROUNDS);
    expect(actions.filter((a) => a === 'user.unblock')).toHaveLength(ROUNDS);
  });
});

describe('verify-email x block', () => {
  it('keeps both: the account ends verified and blocked', async () => {
    const race = makeRace();
    for (let round = 1; round <= ROUNDS; round++) {
      const email = newEmail('verify-race');
      const c = new ApiClient(api.baseUrl);
      const reg = await c.post('/api/v1/auth/register', { role: 'patient', name: 'Verify Race', email, password: PASSWORD });
      expect(reg.status, reg.text).toBe(201);
      const user = { id: reg.body.user.id as string, email };
      const code = await latestCode(email, 'verification');
      const [verified, blocked] = await race(
        round,
        () => c.post('/api/v1/auth/verify-email', { email, code }),
        () => block(user.id, `Round ${round}`),
      );
      expect(verified.status, verified.text).toBe(200);
      expect(blocked.status, blocked.text).toBe(200);

      await expectBlockedEverywhere(user, round);
      expect((await listed(email)).emailVerified, `round ${round}`).toBe(true);
      expect((await head(user.id)).emailVerified, `round ${round}`).toBe(true);
      // Verified (not EMAIL_NOT_VERIFIED) once unblocked.
      expect((await unblock(user.id)).status).toBe(200);
      expect((await logIn(email, PASSWORD)).status, `round ${round}`).toBe(200);
    }
  });
});

describe('reset-password x block', () => {
  it('the account ends blocked and, when the reset was answered 200, keeps the new password', async () => {
    const user = await signedIn(api, 'patient');
    let password = PASSWORD;
    let resets = 0;
    const race = makeRace();
    for (let round = 1; round <= ROUNDS; round++) {
      const asked = await new ApiClient(api.baseUrl).post('/api/v1/auth/forgot-password', { email: user.email });
      expect(asked.status).toBe(202);
      const code = await nthCode(user.email, 'reset', round);
      const next = `reset phrase number ${round} ${user.id.slice(0, 6)}`;
      const [reset, blocked] = await race(
        round,
        () => new ApiClient(api.baseUrl).post('/api/v1/auth/reset-password', { email: user.email, code, newPassword: next }),
        () => block(user.id, `Round ${round}`),
      );
      expect(blocked.status, blocked.text).toBe(200);
      expect(reset.status, reset.text).toBe(200);
      password = next;
      resets++;
      await expectBlockedEverywhere(user, round);

      expect((await unblock(user.id)).status).toBe(200);
      expect((await logIn(user.email, password)).status, `round ${round}: the acknowledged password`).toBe(200);
    }
    expect(resets).toBe(ROUNDS);
  });
});

/** The code of the n-th mail to `to` about `subject` (waits for it: earlier ones may still be the newest). */
async function nthCode(to: string, subject: string, n: number) {
  const deadline = Date.now() + 10_000;
  while ((await subjectsTo(to)).filter((s) => s.includes(subject)).length < n) {
    if (Date.now() > deadline) throw new Error(`mail ${n} to ${to} about ${subject} did not come`);
    await sleep(50);
  }
  return latestCode(to, subject);
}

/** Subjects of the mails Mailpit holds for `to`. */
async function subjectsTo(to: string): Promise<string[]> {
  const res = await fetch(`${process.env['MAILPIT_URL']}/api/v1/search?query=${encodeURIComponent(`to:"${to}"`)}&limit=50`);
  return ((await res.json()) as { messages: { Subject: string }[] }).messages.map((m) => m.Subject);
}

describe('mail server down', () => {
  it('registration and forgot-password still answer 201/202, and the code mails arrive (once) when it is back', async () => {
    const down = await startTestApi({ SMTP_URL: await unreachableSmtpUrl() });
    let up: TestApi | undefined;
    try {
      const email = newEmail('smtp-down');
      const c = new ApiClient(down.baseUrl);
      const reg = await c.post('/api/v1/auth/register', { role: 'patient', name: 'Smtp Down', email, password: PASSWORD });
      expect(reg.status, reg.text).toBe(201);
      expect((await c.post('/api/v1/auth/forgot-password', { email })).status).toBe(202);

      // Both mails are waiting in the outbox, tried and failed, and nothing answered 500.
      const outbox = down.db.collection<{ attempts: number; lastError?: string; effects: { payload: { subject: string } }[] }>(
        'outbox',
      );
      const deadline = Date.now() + 5_000;
      while ((await outbox.countDocuments()) < 2 && Date.now() < deadline) await sleep(50);
      await down.container.outbox.drain();
      const waiting = await outbox.find().toArray();
      expect(waiting.flatMap((e) => e.effects.map((x) => x.payload.subject)).sort()).toEqual([
        'Your DocTime password reset code',
        'Your DocTime verification code',
      ]);
      for (const entry of waiting) {
        expect(entry.attempts).toBeGreaterThan(0);
        expect(entry.lastError).toBeTruthy();
      }
      await down.container.outbox.stop(); // this process keeps failing; the next one delivers
      expect(await subjectsTo(email)).toEqual([]);

      // Another API process on the same database, with a working mail server.
      up = await startTestApi({}, undefined, { dbName: down.dbName });
      up.clock.advance(5 * 60_000); // past the retry back-off
      await settle(up);
      expect(await up.db.collection('outbox').countDocuments()).toBe(0);

      const verification = await latestCode(email, 'verification');
      const reset = await latestCode(email, 'reset');
      const other = new ApiClient(up.baseUrl);
      expect((await other.post('/api/v1/auth/verify-email', { email, code: verification })).status).toBe(200);
      const newPassword = 'mail came late 2026';
      expect((await other.post('/api/v1/auth/reset-password', { email, code: reset, newPassword })).status).toBe(200);
      expect((await other.post('/api/v1/auth/login', { email, password: newPassword })).status).toBe(200);

      // Exactly one of each, however many attempts were made.
      await up.container.outbox.drain();
      await sleep(300);
      expect((await subjectsTo(email)).sort()).toEqual(['Your DocTime password reset code', 'Your DocTime verification code']);
    } finally {
      await up?.stop();
      await down.stop();
    }
  });
});
