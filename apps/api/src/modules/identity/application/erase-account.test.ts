import { describe, expect, it } from 'vitest';
import { rejection } from '../../../test-support/rejection.ts';
import { ERASED_PASSWORD_HASH, erasedUser, type User } from '../domain/user.ts';
import { ACCOUNT_ERASED } from './erase-account.ts';
import { makeFakeIdentityDeps } from './identity.fakes.ts';
import { makeIdentityUseCases } from './use-cases.ts';

const PASSWORD = 'violet tractor sings 42';
const IP = '203.0.113.7';
const ERASE_DATA = { type: 'erase-elsewhere', payload: { userId: 'x' } };

async function signedIn() {
  const fake = makeFakeIdentityDeps();
  const uc = makeIdentityUseCases(fake.deps);
  const user = await uc.register({
    role: 'patient',
    name: 'Ada',
    email: 'ada@example.com',
    password: PASSWORD,
    phone: '+44 20 7946 0000',
  });
  await uc.verifyEmail({ email: 'ada@example.com', code: '123456' });
  const session = await uc.login({ email: 'ada@example.com', password: PASSWORD, clientIp: IP });
  const token = await fake.deps.tokens.verify(session.accessToken);
  return { fake, uc, user, session, sessionId: token!.sessionId };
}

describe('erasedUser', () => {
  it('keeps the id, role and dates and drops everything that names or reaches the person', () => {
    const at = new Date('2026-03-02T00:00:00Z');
    const user: User = {
      id: 'u1',
      version: 4,
      role: 'patient',
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      phone: '+44 20 7946 0000',
      passwordHash: 'argon2-hash',
      emailVerified: true,
      blocked: null,
      blockHistory: [
        { blocked: true, reason: 'Rude to Dr Who', at },
        { blocked: false, at },
      ],
      createdAt: new Date('2026-01-01T00:00:00Z'),
      updatedAt: new Date('2026-02-01T00:00:00Z'),
    };
    expect(erasedUser(user, at)).toEqual({
      id: 'u1',
      version: 4,
      role: 'patient',
      name: 'Deleted patient',
      email: 'deleted-u1@deleted.invalid',
      passwordHash: ERASED_PASSWORD_HASH,
      emailVerified: false,
      blocked: null,
      blockHistory: [
        { blocked: true, at },
        { blocked: false, at },
      ],
      createdAt: user.createdAt,
      updatedAt: at,
      erasedAt: at,
    });
    // Erasing again changes nothing but the update time: the first erasure's time stays.
    const later = new Date('2026-03-03T00:00:00Z');
    expect(erasedUser(erasedUser(user, at), later)).toMatchObject({ erasedAt: at, updatedAt: later });
  });
});

describe('eraseAccount', () => {
  it('refuses a wrong password with a field error and changes nothing', async () => {
    const { fake, uc, user } = await signedIn();
    const before = structuredClone(fake.users.get(user.id));
    const error = await rejection(uc.eraseAccount({ userId: user.id, password: 'not the password', effects: [] }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toEqual({ fieldErrors: { password: ['Password is not right'] } });
    expect(fake.users.get(user.id)).toEqual(before);
  });

  it("commits the anonymised account with the caller's effects and its own cleanup, then refuses it everywhere", async () => {
    const { fake, uc, user, session } = await signedIn();
    await uc.eraseAccount({ userId: user.id, password: PASSWORD, effects: [ERASE_DATA] });
    expect(fake.users.get(user.id)).toMatchObject({ name: 'Deleted patient', email: `deleted-${user.id}@deleted.invalid` });
    expect(fake.users.get(user.id)).not.toHaveProperty('phone');
    expect(fake.committed.slice(-2)).toEqual([
      ERASE_DATA,
      { type: ACCOUNT_ERASED, payload: { userId: user.id, email: 'ada@example.com' } },
    ]);
    // Signed out at once, before the cleanup ran: no request, no refresh, no login, no export.
    expect((await rejection(uc.authenticate(session.accessToken))).code).toBe('UNAUTHENTICATED');
    expect((await rejection(uc.refresh(session.refreshToken))).code).toBe('UNAUTHENTICATED');
    expect((await rejection(uc.login({ email: 'ada@example.com', password: PASSWORD, clientIp: IP }))).code).toBe(
      'UNAUTHENTICATED',
    );
    expect((await rejection(uc.exportAccount(user.id))).code).toBe('UNAUTHENTICATED');
    expect(await uc.findAccount(user.id)).toBeNull();
    // Once erased, the account takes no second erasure (its owner can no longer prove anything).
    expect((await rejection(uc.eraseAccount({ userId: user.id, password: PASSWORD, effects: [] }))).code).toBe('UNAUTHENTICATED');
  });

  it('the cleanup frees the e-mail, ends every session and deletes the codes, and may run again', async () => {
    const { fake, uc, user, sessionId } = await signedIn();
    await uc.forgotPassword({ email: 'ada@example.com' });
    expect(fake.codes.size).toBeGreaterThan(0);
    await uc.eraseAccount({ userId: user.id, password: PASSWORD, effects: [] });
    const erased = { userId: user.id, email: 'ada@example.com' };
    await uc.finishAccountErasure(erased);
    await uc.finishAccountErasure(erased);
    expect(fake.releasedEmails).toEqual([erased, erased]);
    expect(fake.families.get(sessionId)?.revokedAt).toBeInstanceOf(Date);
    expect(fake.codes.size).toBe(0);
  });
});
