import { AppError } from '../../../platform/app-error.ts';
import { passwordProblems } from '../domain/password-policy.ts';
import type { IdentityDeps } from './ports.ts';

export function makeChangePassword(deps: IdentityDeps) {
  return async function changePassword(input: {
    userId: string;
    sessionId: string;
    currentPassword: string;
    newPassword: string;
  }): Promise<void> {
    const user = await deps.users.findById(input.userId);
    if (!user) throw new AppError('UNAUTHENTICATED', 'Log in again.');
    if (!(await deps.hasher.verify(user.passwordHash, input.currentPassword))) {
      throw AppError.validation({ currentPassword: ['Current password is not right'] });
    }
    const problems = passwordProblems(input.newPassword, { email: user.email });
    if (input.newPassword === input.currentPassword) problems.push('Choose a password different from the current one');
    if (problems.length) throw AppError.validation({ newPassword: problems });
    const now = deps.clock.now();
    await deps.users.updatePassword(user.id, await deps.hasher.hash(input.newPassword), now);
    await deps.sessions.revokeAllForUser(user.id, now, input.sessionId);
  };
}
