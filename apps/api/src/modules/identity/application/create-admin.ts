import { AppError } from '../../../platform/app-error.ts';
import { passwordProblems } from '../domain/password-policy.ts';
import type { IdentityDeps } from './ports.ts';

/** Creates the admin, or updates an existing admin's name and password: safe to run twice. */
export function makeCreateAdmin(deps: IdentityDeps) {
  return async function createAdmin(input: { email: string; password: string; name: string }) {
    const problems = passwordProblems(input.password, { email: input.email });
    if (problems.length) throw AppError.validation({ password: problems });
    const passwordHash = await deps.hasher.hash(input.password);
    const now = deps.clock.now();
    const result = await deps.users.insert({
      id: deps.newId(),
      role: 'admin',
      name: input.name,
      email: input.email,
      passwordHash,
      emailVerified: true,
      blocked: null,
      createdAt: now,
      updatedAt: now,
    });
    if (result === 'ok') return 'created' as const;
    const existing = await deps.users.findByEmail(input.email);
    if (existing?.role !== 'admin') {
      throw new AppError('CONFLICT', 'This e-mail belongs to a non-admin account');
    }
    await deps.users.updateNameAndPassword(existing.id, input.name, passwordHash, now);
    return 'updated' as const;
  };
}
