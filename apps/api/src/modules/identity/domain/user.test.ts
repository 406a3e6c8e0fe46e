import { describe, expect, it } from 'vitest';
import { loginBlocker, toPublicUser, type User } from './user.ts';

const user: User = {
  id: 'u1',
  role: 'patient',
  name: 'Ada',
  email: 'ada@example.com',
  passwordHash: 'secret-hash',
  emailVerified: true,
  blocked: null,
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
