import type { Role, User as PublicUser } from '@doctime/contracts';

/** One block or unblock, kept on the account for the record. */
export interface BlockChange {
  blocked: boolean;
  reason?: string;
  at: Date;
}

/**
 * An account. It is a versioned record: every change makes version n+1 from
 * version n with one of the pure changes below, and only one change can be
 * committed from a given version (the loser re-reads and applies it again).
 */
export interface User {
  id: string;
  /** 1 at creation, one more with every committed change. */
  version: number;
  role: Role;
  name: string;
  email: string;
  phone?: string;
  passwordHash: string;
  emailVerified: boolean;
  blocked: { at: Date; reason: string } | null;
  /** Every block and unblock, oldest first. */
  blockHistory: BlockChange[];
  createdAt: Date;
  updatedAt: Date;
  /** Set when its owner deleted the account: it holds no personal data and never signs in again. */
  erasedAt?: Date;
}

/** A new account, at version 1. */
export function newUser(
  fields: Omit<User, 'version' | 'emailVerified' | 'blocked' | 'blockHistory' | 'createdAt' | 'updatedAt'>,
  now: Date,
  emailVerified = false,
): User {
  return { ...fields, version: 1, emailVerified, blocked: null, blockHistory: [], createdAt: now, updatedAt: now };
}

/*
 * Pure changes: each returns the account with the change applied (the version
 * is advanced when it is committed), or 'unchanged' when there is nothing to do.
 */
export type UserChange = User | 'unchanged';

/** Blocks (with a reason) or unblocks (null); every call is recorded in the history. */
export function withBlock(user: User, block: { reason: string } | null, at: Date): User {
  return {
    ...user,
    blocked: block ? { at, reason: block.reason } : null,
    blockHistory: [...user.blockHistory, block ? { blocked: true, reason: block.reason, at } : { blocked: false, at }],
    updatedAt: at,
  };
}

export function withEmailVerified(user: User, at: Date): UserChange {
  return user.emailVerified ? 'unchanged' : { ...user, emailVerified: true, updatedAt: at };
}

export function withPassword(user: User, passwordHash: string, at: Date): User {
  return { ...user, passwordHash, updatedAt: at };
}

export function withNameAndPassword(user: User, name: string, passwordHash: string, at: Date): User {
  return { ...user, name, passwordHash, updatedAt: at };
}

/** Why a user with the right password still may not sign in, or null. */
export function loginBlocker(user: User): 'ACCOUNT_BLOCKED' | 'EMAIL_NOT_VERIFIED' | null {
  if (user.blocked) return 'ACCOUNT_BLOCKED';
  if (!user.emailVerified) return 'EMAIL_NOT_VERIFIED';
  return null;
}

/** What a deleted account is called wherever its name was shown. */
export const ERASED_NAMES: Record<User['role'], string> = {
  patient: 'Deleted patient',
  doctor: 'Deleted doctor',
  admin: 'Deleted admin',
};
/** No password hash verifies against this, so nothing can sign in with it. */
export const ERASED_PASSWORD_HASH = '!erased';

/**
 * The account once its owner deleted it: its id, role and dates stay (records
 * that refer to it still resolve), its name becomes "Deleted patient", and
 * everything that names or reaches the person is gone: e-mail (a unique
 * address under the reserved `.invalid` domain, so it can be received by no
 * one and matches no sign-up), phone, password, and the reasons of its blocks.
 */
export function erasedUser(user: User, at: Date): User {
  const { phone: _phone, ...kept } = user;
  return {
    ...kept,
    name: ERASED_NAMES[user.role],
    email: `deleted-${user.id}@deleted.invalid`,
    passwordHash: ERASED_PASSWORD_HASH,
    emailVerified: false,
    blocked: user.blocked && { at: user.blocked.at, reason: '' },
    blockHistory: user.blockHistory.map(({ reason: _reason, ...change }) => change),
    updatedAt: at,
    erasedAt: user.erasedAt ?? at,
  };
}

export const isErased = (user: User): boolean => user.erasedAt !== undefined;

export function toPublicUser(user: User): PublicUser {
  return {
    id: user.id,
    role: user.role,
    name: user.name,
    email: user.email,
    emailVerified: user.emailVerified,
    ...(user.phone ? { phone: user.phone } : {}),
  };
}
