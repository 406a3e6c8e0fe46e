import { CHANGE_TRIES } from '../../../platform/retry.ts';
import { describe, expect, it } from 'vitest';
import { rejection } from '../../../test-support/rejection.ts';
import type { AppError } from '../../../platform/app-error.ts';
import { CODE_REFUSED } from '../domain/one-time-code.ts';
import { REFRESH_REUSE_WINDOW_MS } from '../domain/refresh-session.ts';
import type { User } from '../domain/user.ts';
import { makeIdentityUseCases } from './use-cases.ts';
import { makeFakeIdentityDeps } from './identity.fakes.ts';

const PASSWORD = 'violet tractor sings 42';
const IP = '203.0.113.7';

/** What a client sees of an error. */
const answer = ({ code, message, details }: AppError) => ({ code, message, details });

async function setup() {
  const fake = makeFakeIdentityDeps();
  const uc = makeIdentityUseCases(fake.deps);
  const user = await uc.register({ role: 'patient', name: 'Ada', email: 'ada@example.com', password: PASSWORD });
  return { fake, uc, user };
}

describe('register and verify', () => {
  it('mails a zero-padded code from the secure source and verifies with it once', async () => {
    const fake = makeFakeIdentityDeps();
    fake.setRandom(42);
    const uc = makeIdentityUseCases(fake.deps);
    await uc.register({ role: 'doctor', name: 'Dr B', email: 'b@example.com', password: PASSWORD });
    expect(fake.sent[0]!.text).toContain('000042');
    await uc.verifyEmail({ email: 'b@example.com', code: '000042' });
    expect([...fake.users.values()][0]!.emailVerified).toBe(true);
  });

  it('refuses a duplicate e-mail with CONFLICT', async () => {
    const { uc } = await setup();
    const error = await rejection(uc.register({ role: 'doctor', name: 'X', email: 'ada@example.com', password: PASSWORD }));
    expect(error.code).toBe('CONFLICT');
  });

  it('answers with the account as stored, whose id may be that of an unfinished earlier sign-up, and mails its code', async () => {
    const fake = makeFakeIdentityDeps();
    const insert = fake.deps.users.insert;
    fake.deps.users.insert = (user) => insert({ ...user, id: 'left-by-a-crash' });
    const uc = makeIdentityUseCases(fake.deps);
    const user = await uc.register({ role: 'patient', name: 'Cy', email: 'cy@example.com', password: PASSWORD });
    expect(user.id).toBe('left-by-a-crash');
    await uc.verifyEmail({ email: 'cy@example.com', code: '123456' });
    expect(fake.users.get('left-by-a-crash')!.emailVerified).toBe(true);
  });

  it('stops accepting a code after five attempts, right or wrong', async () => {
    const { uc } = await setup();
    for (let i = 0; i < 5; i++) {
      expect((await rejection(uc.verifyEmail({ email: 'ada@example.com', code: '000000' }))).message).toBe(CODE_REFUSED);
    }
    expect((await rejection(uc.verifyEmail({ email: 'ada@example.com', code: '123456' }))).message).toBe(CODE_REFUSED);
  });

  it('answers an unknown address, a wrong code and a verified address alike; the right code again is 200', async () => {
    const { uc } = await setup();
    const refusal = async (email: string, code = '000000') => answer(await rejection(uc.verifyEmail({ email, code })));
    const unknown = await refusal('ghost@example.com');
    expect(await refusal('ada@example.com')).toEqual(unknown);
    await uc.verifyEmail({ email: 'ada@example.com', code: '123456' });
    expect(await refusal('ada@example.com')).toEqual(unknown);
    await uc.verifyEmail({ email: 'ada@example.com', code: '123456' });
    expect(unknown).toEqual({
      code: 'VALIDATION_FAILED',
      message: CODE_REFUSED,
      details: { fieldErrors: { code: [CODE_REFUSED] } },
    });
  });

  it('answers a reset for an unknown address like a wrong code', async () => {
    const { uc } = await setup();
    await uc.forgotPassword({ email: 'ada@example.com' });
    const reset = async (email: string) =>
      answer(await rejection(uc.resetPassword({ email, code: '000000', newPassword: 'another fine phrase 9' })));
    expect(await reset('ghost@example.com')).toEqual(await reset('ada@example.com'));
  });

  it('gives a resent code fresh attempts', async () => {
    const { uc, fake } = await setup();
    for (let i = 0; i < 5; i++) await rejection(uc.verifyEmail({ email: 'ada@example.com', code: '000000' }));
    fake.setRandom(777_777);
    await uc.resendVerification({ email: 'ada@example.com' });
    await uc.verifyEmail({ email: 'ada@example.com', code: '777777' });
  });
});

describe('login and refresh', () => {
  async function verifiedLogin() {
    const ctx = await setup();
    await ctx.uc.verifyEmail({ email: 'ada@example.com', code: '123456' });
    const session = await ctx.uc.login({ email: 'ada@example.com', password: PASSWORD, clientIp: IP });
    return { ...ctx, session };
  }

  it('throttles wrong passwords per e-mail and IP with growing delays, checked before the password', async () => {
    const { uc, fake } = await verifiedLogin();
    const guess = (password = 'nope nope nope', clientIp = IP) => uc.login({ email: 'ada@example.com', password, clientIp });
    for (let i = 0; i < 5; i++) expect((await rejection(guess())).code).toBe('UNAUTHENTICATED');
    const limited = await rejection(guess(PASSWORD));
    expect(limited.code).toBe('RATE_LIMITED');
    expect(limited.details).toEqual({ retryAfterSeconds: 1 });
    // The owner elsewhere is not locked out.
    await expect(guess(PASSWORD, '198.51.100.9')).resolves.toMatchObject({ user: { email: 'ada@example.com' } });

    fake.advance(1000);
    expect((await rejection(guess())).code).toBe('UNAUTHENTICATED');
    expect((await rejection(guess())).details).toEqual({ retryAfterSeconds: 2 });
    fake.advance(2000);
    expect((await rejection(guess())).code).toBe('UNAUTHENTICATED');
    expect((await rejection(guess())).details).toEqual({ retryAfterSeconds: 4 });
  });

  it('a successful login forgets the pair', async () => {
    const { uc, fake } = await verifiedLogin();
    const guess = (password = 'nope nope nope') => uc.login({ email: 'ada@example.com', password, clientIp: IP });
    for (let i = 0; i < 5; i++) await rejection(guess());
    fake.advance(1000);
    await guess(PASSWORD);
    for (let i = 0; i < 5; i++) expect((await rejection(guess())).code).toBe('UNAUTHENTICATED');
    expect((await rejection(guess())).code).toBe('RATE_LIMITED');
  });

  it('throttles unknown e-mails the same way, so the answers reveal nothing', async () => {
    const { uc } = await verifiedLogin();
    const guess = () => uc.login({ email: 'ghost@example.com', password: 'nope nope nope', clientIp: IP });
    for (let i = 0; i < 5; i++) expect((await rejection(guess())).code).toBe('UNAUTHENTICATED');
    expect((await rejection(guess())).code).toBe('RATE_LIMITED');
  });

  it('hands the same successor to a token presented again within the reuse window', async () => {
    const { uc, session, fake } = await verifiedLogin();
    const first = await uc.refresh(session.refreshToken);
    fake.advance(REFRESH_REUSE_WINDOW_MS);
    const again = await uc.refresh(session.refreshToken);
    expect(again.refreshToken).toBe(first.refreshToken);
    expect(again.refreshExpiresAt).toEqual(first.refreshExpiresAt);
    expect([...fake.families.values()][0]!.revokedAt).toBeNull();
    expect((await uc.refresh(again.refreshToken)).refreshToken).not.toBe(again.refreshToken);
  });

  it('treats a successor the server did not derive as a replay, even within the window', async () => {
    const { uc, session, fake } = await verifiedLogin();
    const first = await uc.refresh(session.refreshToken);
    const successor = fake.tokens.get(first.refreshToken.split('.')[0]!)!;
    fake.tokens.set(successor.id, { ...successor, secretHash: 'planted' });
    expect((await rejection(uc.refresh(session.refreshToken))).code).toBe('UNAUTHENTICATED');
    expect([...fake.families.values()][0]!.revokedAt).not.toBeNull();
  });

  it('rotates once per token; a replay after the reuse window revokes the family', async () => {
    const { uc, session, fake } = await verifiedLogin();
    const next = await uc.refresh(session.refreshToken);
    expect(next.refreshToken).not.toBe(session.refreshToken);
    fake.advance(REFRESH_REUSE_WINDOW_MS + 1);
    expect((await rejection(uc.refresh(session.refreshToken))).code).toBe('UNAUTHENTICATED');
    expect([...fake.families.values()][0]!.revokedAt).not.toBeNull();
    expect((await rejection(uc.refresh(next.refreshToken))).code).toBe('UNAUTHENTICATED');
    expect((await rejection(uc.authenticate(session.accessToken))).code).toBe('UNAUTHENTICATED');
  });

  it('ends sessions after the refresh lifetime', async () => {
    const { uc, session, fake } = await verifiedLogin();
    fake.advance(31 * 86_400_000);
    expect((await rejection(uc.refresh(session.refreshToken))).code).toBe('UNAUTHENTICATED');
  });

  it("refuses a token naming another user's session", async () => {
    const { uc, session, fake } = await verifiedLogin();
    const me = await uc.authenticate(session.accessToken);
    const other = await uc.register({ role: 'patient', name: 'Bob', email: 'bob@example.com', password: PASSWORD });
    const forged = await fake.deps.tokens.sign({ userId: other.id, role: 'patient', sessionId: me.sessionId });
    expect((await rejection(uc.authenticate(forged))).code).toBe('UNAUTHENTICATED');
  });

  it('change-password keeps the current session and ends the others', async () => {
    const { uc, session } = await verifiedLogin();
    const other = await uc.login({ email: 'ada@example.com', password: PASSWORD, clientIp: IP });
    const me = await uc.authenticate(session.accessToken);
    await uc.changePassword({ ...me, currentPassword: PASSWORD, newPassword: 'another fine phrase 9' });
    await expect(uc.authenticate(session.accessToken)).resolves.toMatchObject({ userId: me.userId });
    expect((await rejection(uc.authenticate(other.accessToken))).code).toBe('UNAUTHENTICATED');
  });
});

describe('e-mails go out as effects of the stored code', () => {
  it('a sign-up commits its code mail with the code; a duplicate sign-up commits nothing', async () => {
    const { uc, fake } = await setup();
    expect(fake.committed).toEqual([
      expect.objectContaining({ type: 'email', payload: expect.objectContaining({ to: 'ada@example.com' }) }),
    ]);
    await rejection(uc.register({ role: 'doctor', name: 'X', email: 'ada@example.com', password: PASSWORD }));
    expect(fake.committed).toHaveLength(1);
    expect(fake.sent).toHaveLength(1);
  });

  it('forgot-password commits a reset mail, but not for blocked or unknown accounts', async () => {
    const { uc, fake, user } = await setup();
    await uc.forgotPassword({ email: 'ghost@example.com' });
    await uc.forgotPassword({ email: 'ada@example.com' });
    expect(fake.sent.map((m) => m.subject)).toEqual(['Your DocTime verification code', 'Your DocTime password reset code']);
    await uc.setBlocked(user.id, { reason: 'spam' });
    await uc.forgotPassword({ email: 'ada@example.com' });
    expect(fake.sent).toHaveLength(2);
  });
});

describe('account changes are versioned', () => {
  const audit = { type: 'audit', payload: { action: 'user.block' } };

  async function verified() {
    const ctx = await setup();
    await ctx.uc.verifyEmail({ email: 'ada@example.com', code: '123456' });
    return ctx;
  }

  it('setBlocked commits the block with the caller effects and a block-changed event, keeps a history and ends sessions', async () => {
    const { uc, fake, user } = await verified();
    const session = await uc.login({ email: 'ada@example.com', password: PASSWORD, clientIp: IP });
    fake.committed.length = 0;
    const view = await uc.setBlocked(user.id, { reason: 'spam' }, { effects: [audit] });
    expect(view).toMatchObject({ id: user.id, blocked: true, blockedReason: 'spam' });
    expect(fake.committed).toEqual([
      audit,
      { type: 'account.block-changed', payload: { userId: user.id, role: 'patient', blocked: true } },
    ]);
    expect((await rejection(uc.authenticate(session.accessToken))).code).toBe('ACCOUNT_BLOCKED');

    fake.advance(1000);
    await uc.setBlocked(user.id, null);
    expect(fake.committed.at(-1)).toEqual({
      type: 'account.block-changed',
      payload: { userId: user.id, role: 'patient', blocked: false },
    });
    const stored = fake.users.get(user.id)!;
    expect(stored.blocked).toBeNull();
    expect(stored.blockHistory.map((h) => [h.blocked, h.reason])).toEqual([
      [true, 'spam'],
      [false, undefined],
    ]);
    expect(stored.version).toBe(4); // created, verified, blocked, unblocked
  });

  it('setBlocked answers 404 for an unknown user and 403 for an admin, committing nothing', async () => {
    const { uc, fake } = await setup();
    await uc.createAdmin({ email: 'root@example.com', password: PASSWORD, name: 'Root' });
    const admin = [...fake.users.values()].find((u) => u.role === 'admin')!;
    fake.committed.length = 0;
    expect((await rejection(uc.setBlocked('nobody', { reason: 'x' }, { effects: [audit] }))).code).toBe('NOT_FOUND');
    expect((await rejection(uc.setBlocked(admin.id, { reason: 'x' }, { effects: [audit] }))).code).toBe('FORBIDDEN');
    expect(fake.committed).toEqual([]);
    expect(fake.users.get(admin.id)!.blocked).toBeNull();
  });

  it('a change that loses a race re-reads and re-applies, so a block and a new password are both kept', async () => {
    const { uc, fake, user } = await verified();
    const session = await uc.login({ email: 'ada@example.com', password: PASSWORD, clientIp: IP });
    const me = await uc.authenticate(session.accessToken);
    // The block is committed just before the password change's first save.
    commitFirst(fake, user.id, { blocked: { at: new Date(), reason: 'race' } });
    await uc.changePassword({ ...me, currentPassword: PASSWORD, newPassword: 'another fine phrase 9' });
    const stored = fake.users.get(user.id)!;
    expect(stored.blocked?.reason).toBe('race');
    expect(stored.passwordHash).toBe('hashed:another fine phrase 9');
  });

  it('gives up with 409 CONFLICT after CHANGE_TRIES lost races, committing nothing of its own', async () => {
    const { uc, fake, user } = await verified();
    let saves = 0;
    fake.onUserSave(() => {
      saves++;
      const current = fake.users.get(user.id)!;
      fake.users.set(user.id, { ...current, version: current.version + 1 });
    });
    fake.committed.length = 0;
    expect((await rejection(uc.setBlocked(user.id, { reason: 'busy' }, { effects: [audit] }))).code).toBe('CONFLICT');
    expect(saves).toBe(CHANGE_TRIES);
    expect(fake.committed).toEqual([]);
    expect(fake.users.get(user.id)!.blocked).toBeNull();
  });

  it('a password change made meanwhile (from another session) turns a re-applied change-password into a wrong current password', async () => {
    const { uc, fake, user } = await verified();
    const session = await uc.login({ email: 'ada@example.com', password: PASSWORD, clientIp: IP });
    const me = await uc.authenticate(session.accessToken);
    commitFirst(fake, user.id, { passwordHash: 'hashed:someone else 77' });
    const error = await rejection(uc.changePassword({ ...me, currentPassword: PASSWORD, newPassword: 'another fine phrase 9' }));
    expect(error.details).toMatchObject({ fieldErrors: { currentPassword: [expect.any(String)] } });
    expect(fake.users.get(user.id)!.passwordHash).toBe('hashed:someone else 77');
  });

  it('reset-password sets the password and verifies the address in one change', async () => {
    const { uc, fake, user } = await setup();
    fake.setRandom(654_321);
    await uc.forgotPassword({ email: 'ada@example.com' });
    await uc.resetPassword({ email: 'ada@example.com', code: '654321', newPassword: 'another fine phrase 9' });
    expect(fake.users.get(user.id)).toMatchObject({
      version: 2,
      emailVerified: true,
      passwordHash: 'hashed:another fine phrase 9',
    });
  });

  it('createAdmin run again updates the name and password as a new version', async () => {
    const { uc, fake } = await setup();
    expect(await uc.createAdmin({ email: 'root@example.com', password: PASSWORD, name: 'Root' })).toBe('created');
    expect(await uc.createAdmin({ email: 'root@example.com', password: 'another fine phrase 9', name: 'Root Two' })).toBe(
      'updated',
    );
    expect([...fake.users.values()].find((u) => u.role === 'admin')).toMatchObject({
      version: 2,
      name: 'Root Two',
      passwordHash: 'hashed:another fine phrase 9',
    });
  });
});

/** Commits a competing change to the user just before the next save, once (that save then loses the race). */
function commitFirst(fake: ReturnType<typeof makeFakeIdentityDeps>, userId: string, change: Partial<User>) {
  let raced = false;
  fake.onUserSave(() => {
    if (raced) return;
    raced = true;
    const current = fake.users.get(userId)!;
    fake.users.set(userId, { ...current, ...change, version: current.version + 1 });
  });
}
