import type { CodePurpose, OneTimeCode } from '../domain/one-time-code.ts';
import type { RefreshToken, SessionFamily } from '../domain/refresh-session.ts';
import type { User } from '../domain/user.ts';

export interface UserRepository {
  /** Inserts; returns 'duplicate-email' when the unique e-mail key is taken. */
  insert(user: User): Promise<'ok' | 'duplicate-email'>;
  findById(id: string): Promise<User | null>;
  findByEmail(email: string): Promise<User | null>;
  markEmailVerified(id: string, at: Date): Promise<void>;
  updatePassword(id: string, passwordHash: string, at: Date): Promise<void>;
  updateNameAndPassword(id: string, name: string, passwordHash: string, at: Date): Promise<void>;
  search(filter: UserSearch): Promise<{ items: User[]; total: number }>;
  setBlocked(id: string, blocked: User['blocked'], at: Date): Promise<void>;
  findByIds(ids: string[]): Promise<User[]>;
}

export interface UserSearch {
  role?: User['role'] | undefined;
  /** Plain text matched against name and e-mail; never a pattern. */
  text?: string | undefined;
  skip: number;
  limit: number;
}

export interface OneTimeCodeRepository {
  /** Replaces any earlier code of the same purpose for the user. */
  save(code: OneTimeCode): Promise<void>;
  find(userId: string, purpose: CodePurpose): Promise<OneTimeCode | null>;
  /** Claims one of `max` attempt slots for this code by unique insert; false when all are taken. */
  claimAttempt(nonce: string, max: number): Promise<boolean>;
  remove(userId: string, purpose: CodePurpose): Promise<void>;
  /** Deletes codes that expired and attempt records older than `before`; returns how many. */
  purgeBefore(before: Date): Promise<number>;
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
}

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: { filename: string; content: string; contentType: string }[];
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/** Counts failures per key in a sliding window (failed logins per account). */
export interface FailureLimiter {
  isLockedOut(key: string): Promise<boolean>;
  recordFailure(key: string): Promise<void>;
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
  mailer: Mailer;
  loginFailures: FailureLimiter;
  clock: Clock;
  newId(): string;
  refreshTokenTtlDays: number;
}
