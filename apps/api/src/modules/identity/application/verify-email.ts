import { withEmailVerified } from '../domain/user.ts';
import { changeUser, only } from './change-user.ts';
import { acceptCode, consumeCode, issueCode } from './one-time-codes.ts';
import type { IdentityDeps } from './ports.ts';

/**
 * Answers an unknown address exactly like a wrong code (see CODE_REFUSED). An
 * address already verified answers 200 again only to its code (a second click
 * on the e-mail), so the answer never tells who has an account.
 */
export function makeVerifyEmail(deps: IdentityDeps) {
  return async function verifyEmail(input: { email: string; code: string }): Promise<void> {
    const user = await deps.users.findByEmail(input.email);
    if (user?.emailVerified) {
      await acceptCode(deps, user, 'verify-email', input.code);
      return;
    }
    await consumeCode(deps, user, 'verify-email', input.code);
    const now = deps.clock.now();
    await changeUser(
      deps.users,
      user!.id,
      only((current) => withEmailVerified(current, now)),
    );
  };
}

export function makeResendVerification(deps: IdentityDeps) {
  /** Always "accepted": the caller never learns whether the address has an account. */
  return async function resendVerification(input: { email: string }): Promise<void> {
    const user = await deps.users.findByEmail(input.email);
    if (user && !user.emailVerified && !user.blocked) await issueCode(deps, user, 'verify-email');
  };
}
