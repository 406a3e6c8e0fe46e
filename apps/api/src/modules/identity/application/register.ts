import { AppError } from '../../../platform/app-error.ts';
import { passwordProblems } from '../domain/password-policy.ts';
import { newUser, toPublicUser } from '../domain/user.ts';
import { issueCode } from './one-time-codes.ts';
import type { IdentityDeps } from './ports.ts';

type Input = { role: 'patient' | 'doctor'; name: string; email: string; password: string; phone?: string | undefined };

export function makeRegister(deps: IdentityDeps) {
  return async function register(input: Input) {
    const problems = passwordProblems(input.password, { email: input.email, name: input.name });
    if (problems.length) throw AppError.validation({ password: problems });
    const user = newUser(
      {
        id: deps.newId(),
        role: input.role,
        name: input.name,
        email: input.email,
        ...(input.phone ? { phone: input.phone } : {}),
        passwordHash: await deps.hasher.hash(input.password),
      },
      deps.clock.now(),
    );
    // The e-mail key decides; no look-up first, so two racing sign-ups cannot both win.
    const created = await deps.users.insert(user);
    if (created === 'duplicate-email') {
      throw new AppError('CONFLICT', 'An account with this e-mail already exists', {
        fieldErrors: { email: ['An account with this e-mail already exists'] },
      });
    }
    // Only once the account exists: a duplicate sign-up mails nothing. The code's mail goes
    // through the outbox, so a failing mail server does not fail the sign-up.
    await issueCode(deps, created, 'verify-email');
    return toPublicUser(created);
  };
}
