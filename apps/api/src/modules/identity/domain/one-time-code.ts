/** Rules for the 6-digit codes e-mailed for verification and password reset. */
export const CODE_TTL_MS = 15 * 60 * 1000;
export const CODE_MAX_ATTEMPTS = 5;
export const CODE_DIGITS = 6;

export const codePurposes = ['verify-email', 'reset-password'] as const;
export type CodePurpose = (typeof codePurposes)[number];

export interface OneTimeCode {
  userId: string;
  purpose: CodePurpose;
  /** Random per issued code: a new code gets fresh attempts. */
  nonce: string;
  codeHash: string;
  expiresAt: Date;
}

/** Formats a uniformly drawn integer in [0, 10^6) as a zero-padded code. */
export function formatCode(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 10 ** CODE_DIGITS) throw new RangeError('code out of range');
  return String(n).padStart(CODE_DIGITS, '0');
}

export function newCodeExpiry(now: Date): Date {
  return new Date(now.getTime() + CODE_TTL_MS);
}

export type CodeCheck = 'ok' | 'missing' | 'expired' | 'too-many-attempts' | 'wrong';

/**
 * Decides a code check. `attemptClaimed` says whether this try got one of the
 * CODE_MAX_ATTEMPTS attempt slots (claimed by unique insert, so concurrent
 * guesses cannot exceed the limit).
 */
export function checkCode(code: OneTimeCode | null, now: Date, attemptClaimed: boolean, matches: boolean): CodeCheck {
  if (!code) return 'missing';
  if (code.expiresAt.getTime() <= now.getTime()) return 'expired';
  if (!attemptClaimed) return 'too-many-attempts';
  return matches ? 'ok' : 'wrong';
}

/**
 * The one answer to every refused code, whatever the reason: the same for an
 * address with no account as for a wrong, expired or exhausted code, so the
 * answer never tells whether an address has an account.
 */
export const CODE_REFUSED =
  'This code is not right, or it has expired or been tried too often. Check the e-mail, or request a new code.';
