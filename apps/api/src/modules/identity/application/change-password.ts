import { AppError } from '../../../platform/app-error.ts';
import { passwordProblems } from '../domain/password-policy.ts';
import { withPassword } from '../domain/user.ts';
import { changeUser, only } from './change-user.ts';
import type { IdentityDeps } from './ports.ts';

const wrongCurrent = () => AppError.validation({ currentPassword: ['Current password is not right'] });

export function makeChangePassword(deps: IdentityDeps) {
  return async function changePassword(input: {
    userId: string;
    sessionId: string;
    currentPassword: string;
    newPassword: string;
  }): Promise<void> {
    const user = await deps.users.findById(input.userId);
    if (!user) throw new AppError('UNAUTHENTICATED', 'Log in again.');
    if (!(await deps.hasher.verify(user.passwordHash, input.currentPassword))) throw wrongCurrent();
    const problems = passwordProblems(input.newPassword, { email: user.email });
    if (input.newPassword === input.currentPassword) problems.push('Choose a password different from the current one');
    if (problems.length) throw AppError.validation({ newPassword: problems });
    const now = deps.clock.now();
    const passwordHash = await deps.hasher.hash(input.newPassword);
    const changed = await changeUser(
      deps.users,
      user.id,
      only((current) => {
        // Re-applied after a concurrent change: only onto the password that was checked above.
        if (current.passwordHash !== user.passwordHash) throw wrongCurrent();
        return withPassword(current, passwordHash, now);
      }),
    );
    if (!changed) throw new AppError('UNAUTHENTICATED', 'Log in again.');
    await deps.sessions.revokeAllForUser(user.id, now, input.sessionId);
  };
}
