import { AppError } from '../../../platform/app-error.ts';
import { passwordProblems } from '../domain/password-policy.ts';
import { newUser, withNameAndPassword } from '../domain/user.ts';
import { changeUser, only } from './change-user.ts';
import type { IdentityDeps } from './ports.ts';

/** Creates the admin, or updates an existing admin's name and password: safe to run twice. */
export function makeCreateAdmin(deps: IdentityDeps) {
  return async function createAdmin(input: { email: string; password: string; name: string }) {
    const problems = passwordProblems(input.password, { email: input.email });
    if (problems.length) throw AppError.validation({ password: problems });
    const passwordHash = await deps.hasher.hash(input.password);
    const now = deps.clock.now();
    const admin = newUser({ id: deps.newId(), role: 'admin', name: input.name, email: input.email, passwordHash }, now, true);
    if ((await deps.users.insert(admin)) !== 'duplicate-email') return 'created' as const;
    const existing = await deps.users.findByEmail(input.email);
    if (existing?.role !== 'admin') {
      throw new AppError('CONFLICT', 'This e-mail belongs to a non-admin account');
    }
    await changeUser(
      deps.users,
      existing.id,
      only((current) => withNameAndPassword(current, input.name, passwordHash, now)),
    );
    return 'updated' as const;
  };
}
