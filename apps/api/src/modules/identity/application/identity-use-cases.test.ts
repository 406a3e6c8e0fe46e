import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/app-error.ts';
import { makeIdentityUseCases } from './use-cases.ts';
import { makeFakeIdentityDeps } from './identity.fakes.ts';

const PASSWORD = 'violet tractor sings 42';

async function setup() {
  const fake = makeFakeIdentityDeps();
  const uc = makeIdentityUseCases(fake.deps);
  const user = await uc.register({ role: 'patient', name: 'Ada', email: 'ada@example.com', password: PASSWORD });
  return { fake, uc, user };
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
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

  it('stops accepting a code after five attempts, right or wrong', async () => {
    const { uc } = await setup();
    for (let i = 0; i < 5; i++) {
      expect((await rejection(uc.verifyEmail({ email: 'ada@example.com', code: '000000' }))).message).toMatch(/not right/);
    }
    expect((await rejection(uc.verifyEmail({ email: 'ada@example.com', code: '123456' }))).message).toMatch(/Too many/);
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
    const session = await ctx.uc.login({ email: 'ada@example.com', password: PASSWORD });
    return { ...ctx, session };
  }

  it('locks the account after 10 failures', async () => {
    const { uc } = await verifiedLogin();
    for (let i = 0; i < 10; i++) {
      expect((await rejection(uc.login({ email: 'ada@example.com', password: 'nope nope nope' }))).code).toBe('UNAUTHENTICATED');
    }
    expect((await rejection(uc.login({ email: 'ada@example.com', password: PASSWORD }))).code).toBe('RATE_LIMITED');
  });

  it('rotates once per token; a replay revokes the family', async () => {
    const { uc, session, fake } = await verifiedLogin();
    const next = await uc.refresh(session.refreshToken);
    expect(next.refreshToken).not.toBe(session.refreshToken);
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

  it('change-password keeps the current session and ends the others', async () => {
    const { uc, session } = await verifiedLogin();
    const other = await uc.login({ email: 'ada@example.com', password: PASSWORD });
    const me = await uc.authenticate(session.accessToken);
    await uc.changePassword({ ...me, currentPassword: PASSWORD, newPassword: 'another fine phrase 9' });
    await expect(uc.authenticate(session.accessToken)).resolves.toMatchObject({ userId: me.userId });
    expect((await rejection(uc.authenticate(other.accessToken))).code).toBe('UNAUTHENTICATED');
  });
});
