import type { SideEffect } from '../../../platform/side-effect.ts';
import type { LoginThrottlePolicy } from '../domain/login-throttle.ts';
import type { CodePurpose, OneTimeCode } from '../domain/one-time-code.ts';
import type { RefreshToken, SessionFamily } from '../domain/refresh-session.ts';
import type { User } from '../domain/user.ts';

export interface UserRepository {
  /**
   * Creates version 1 and returns it as stored, or 'duplicate-email' (and nothing stored)
   * when an account holds the e-mail. The id may be that of an earlier sign-up with this
   * e-mail that never created its account (it crashed, or lost this race).
   */
  insert(user: User): Promise<User | 'duplicate-email'>;
  /** The newest committed version. */
  findById(id: string): Promise<User | null>;
  /** The newest committed version of the account with this e-mail. */
  findByEmail(email: string): Promise<User | null>;
  /**
   * Commits `next` (its version one above the stored one) together with
   * `effects`, which the outbox delivers once the change is committed;
   * 'conflict' when another change was committed from the same version first.
   */
  save(next: User, effects?: SideEffect[]): Promise<'ok' | 'conflict'>;
  search(filter: UserSearch): Promise<{ items: User[]; total: number }>;
  /** Accounts by id, as of every change committed before the call (from the process's mirror: read them, never change them). */
  findByIds(ids: string[]): Promise<User[]>;
  /**
   * Erases the account's personal data: commits `redact` of the newest version as the next one
   * (with `effects`, re-reading on conflict) and strips the values of every earlier version.
   * Returns the erased account, or null when there is none.
   */
  erase(id: string, redact: (current: User) => User, effects: SideEffect[]): Promise<User | null>;
  /** Frees the e-mail for a new sign-up: deletes its key if it still names this account. */
  releaseEmail(email: string, userId: string): Promise<void>;
}

export interface UserSearch {
  role?: User['role'] | undefined;
  /** Plain text matched against name and e-mail; never a pattern. */
  text?: string | undefined;
  skip: number;
  limit: number;
}

export interface OneTimeCodeRepository {
  /**
   * Replaces any earlier code of the same purpose for the user, committing
   * `effects` (the e-mail carrying the code) with it: the outbox delivers them
   * once this code is stored, and drops them when it never was or was replaced.
   */
  save(code: OneTimeCode, effects: SideEffect[]): Promise<void>;
  find(userId: string, purpose: CodePurpose): Promise<OneTimeCode | null>;
  /** Claims one of `max` attempt slots for this code by unique insert; false when all are taken. */
  claimAttempt(nonce: string, max: number): Promise<boolean>;
  /** Spends the code by unique insert: true for the first right answer only, even when two arrive at once. */
  claimUse(nonce: string): Promise<boolean>;
  /** Deletes codes that expired and attempt records older than `before`; returns how many. */
  purgeBefore(before: Date): Promise<number>;
  /** Deletes every code of the user (an account's deletion). */
  deleteAllFor(userId: string): Promise<void>;
}

export interface SessionRepository {
  createFamily(family: SessionFamily): Promise<void>;
  findFamily(id: string): Promise<SessionFamily | null>;
  /** Inserts a token; 'duplicate' when its id exists (its parent was already rotated). */
  insertToken(token: RefreshToken): Promise<'ok' | 'duplicate'>;
  findToken(id: string): Promise<RefreshToken | null>;
  revokeFamily(id: string, at: Date): Promise<void>;
  revokeAllForUser(userId: string, at: Date, exceptFamilyId?: string): Promise<void>;
  /** Deletes tokens and families that expired before `before`; returns how many. */
  purgeExpired(before: Date): Promise<number>;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

export interface AccessClaims {
  userId: string;
  role: User['role'];
  sessionId: string;
}

export interface AccessTokenSigner {
  sign(claims: AccessClaims): Promise<string>;
  /** Returns the claims, or null for any invalid or expired token. */
  verify(token: string): Promise<AccessClaims | null>;
}

export interface Secrets {
  /** A uniformly random integer in [0, max). */
  randomInt(max: number): number;
  /** A URL-safe random string carrying `bytes` bytes of entropy. */
  randomToken(bytes: number): string;
  /** One-way digest for storing codes and token secrets. */
  digest(value: string): string;
  /** Constant-time comparison of two digests. */
  sameDigest(a: string, b: string): boolean;
  /** A secret derived from `value` under a server-side key: repeatable, but only by the server. */
  deriveSecret(value: string): string;
}

/**
 * Throttles attempts per key, atomically across API processes: an attempt is
 * reserved before it is made, so parallel requests cannot all pass one check.
 */
export interface AttemptThrottle {
  /**
   * Reserves the key's next attempt, where `delayAfter(n)` is the seconds that
   * must pass after its n-th attempt. Returns 0 when reserved, else the seconds
   * to wait (a refused attempt is not counted).
   */
  reserve(key: string, delayAfter: (attempt: number) => number): Promise<number>;
  /** Forgets the key's attempts. */
  reset(key: string): Promise<void>;
}

export interface Clock {
  now(): Date;
}

export interface IdentityDeps {
  users: UserRepository;
  codes: OneTimeCodeRepository;
  sessions: SessionRepository;
  hasher: PasswordHasher;
  tokens: AccessTokenSigner;
  secrets: Secrets;
  loginThrottle: AttemptThrottle;
  loginThrottlePolicy: LoginThrottlePolicy;
  clock: Clock;
  newId(): string;
  refreshTokenTtlDays: number;
}
