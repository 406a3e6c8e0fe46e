import { describe, expect, it } from 'vitest';
import { loginBlocker, newUser, toPublicUser, withBlock, withEmailVerified, type User } from './user.ts';

const user: User = {
  id: 'u1',
  version: 1,
  role: 'patient',
  name: 'Ada',
  email: 'ada@example.com',
  passwordHash: 'secret-hash',
  emailVerified: true,
  blocked: null,
  blockHistory: [],
  createdAt: new Date(0),
  updatedAt: new Date(0),
};

describe('user rules', () => {
  it('lets verified, unblocked users in', () => {
    expect(loginBlocker(user)).toBeNull();
  });
  it('names blocking before verification', () => {
    expect(loginBlocker({ ...user, emailVerified: false })).toBe('EMAIL_NOT_VERIFIED');
    expect(loginBlocker({ ...user, emailVerified: false, blocked: { at: new Date(), reason: 'x' } })).toBe('ACCOUNT_BLOCKED');
  });
  it('never exposes the password hash', () => {
    expect(toPublicUser(user)).toEqual({ id: 'u1', role: 'patient', name: 'Ada', email: 'ada@example.com', emailVerified: true });
  });
});

describe('user changes', () => {
  const at = new Date('2026-03-01T10:00:00Z');
  const later = new Date('2026-03-02T10:00:00Z');

  it('a new account starts at version 1, unverified, unblocked, with no history', () => {
    const fresh = newUser({ id: 'u2', role: 'doctor', name: 'B', email: 'b@example.com', passwordHash: 'h' }, at);
    expect(fresh).toMatchObject({ version: 1, emailVerified: false, blocked: null, blockHistory: [], createdAt: at });
  });

  it('records every block and unblock, and leaves the other fields alone', () => {
    const blocked = withBlock(user, { reason: 'spam' }, at);
    expect(blocked.blocked).toEqual({ at, reason: 'spam' });
    const unblocked = withBlock(blocked, null, later);
    expect(unblocked.blocked).toBeNull();
    expect(unblocked.blockHistory).toEqual([
      { blocked: true, reason: 'spam', at },
      { blocked: false, at: later },
    ]);
    expect(unblocked).toMatchObject({ passwordHash: 'secret-hash', emailVerified: true, version: 1, updatedAt: later });
  });

  it('verifying an already verified address changes nothing', () => {
    expect(withEmailVerified(user, at)).toBe('unchanged');
    expect(withEmailVerified({ ...user, emailVerified: false }, at)).toMatchObject({ emailVerified: true, updatedAt: at });
  });
});
