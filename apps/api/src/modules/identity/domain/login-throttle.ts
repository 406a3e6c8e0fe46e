/**
 * Password guesses are throttled per (account e-mail, client IP) pair, not per
 * account, so a stranger guessing from elsewhere cannot lock the owner out.
 * The first `freeAttempts` cost nothing; after that each attempt must wait
 * twice as long as the one before (1 s, 2 s, 4 s, ...), up to `maxDelaySeconds`.
 * A successful login forgets the pair.
 */
export interface LoginThrottlePolicy {
  freeAttempts: number;
  maxDelaySeconds: number;
}

/**
 * Whole seconds that must pass after attempt number `attempt` (1-based) of a
 * pair before its next attempt may be made.
 *
 * Invariant: 0 before the last free attempt; 1 after it, then doubling with
 * each further attempt; never decreasing and never above `maxDelaySeconds`.
 * So attempts 1..freeAttempts pass at once and attempt freeAttempts + k waits
 * min(2^(k-1), max) seconds after the previous one.
 */
export function delayAfterAttempt(attempt: number, policy: LoginThrottlePolicy): number {
  if (attempt < policy.freeAttempts) return 0;
  // 2 ** n grows to Infinity rather than wrapping, so the cap always applies.
  return Math.min(2 ** (attempt - policy.freeAttempts), policy.maxDelaySeconds);
}

/** One throttle key per account and client address; the e-mail arrives lower-cased from the contract. */
export function loginThrottleKey(email: string, clientIp: string): string {
  return `${clientIp}|${email}`;
}
