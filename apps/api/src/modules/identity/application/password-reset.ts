import { AppError } from '../../../platform/app-error.ts';
import { passwordProblems } from '../domain/password-policy.ts';
import { withPassword } from '../domain/user.ts';
import { changeUser, only } from './change-user.ts';
import { consumeCode, issueCode } from './one-time-codes.ts';
import type { IdentityDeps } from './ports.ts';

export function makeForgotPassword(deps: IdentityDeps) {
  /** Always "accepted", whether or not the address has an account. */
  return async function forgotPassword(input: { email: string }): Promise<void> {
    const user = await deps.users.findByEmail(input.email);
    if (user && !user.blocked) await issueCode(deps, user, 'reset-password');
  };
}

export function makeResetPassword(deps: IdentityDeps) {
  return async function resetPassword(input: { email: string; code: string; newPassword: string }): Promise<void> {
    const user = await deps.users.findByEmail(input.email);
    const problems = passwordProblems(input.newPassword, { email: input.email });
    if (problems.length) throw AppError.validation({ newPassword: problems });
    await consumeCode(deps, user, 'reset-password', input.code);
    const now = deps.clock.now();
    const passwordHash = await deps.hasher.hash(input.newPassword);
    // One change: the new password, and (the code proved the mailbox) a verified address.
    await changeUser(
      deps.users,
      user!.id,
      only((current) => ({ ...withPassword(current, passwordHash, now), emailVerified: true })),
    );
    await deps.sessions.revokeAllForUser(user!.id, now);
  };
}
