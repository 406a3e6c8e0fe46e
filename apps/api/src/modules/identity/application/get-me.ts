import { AppError } from '../../../platform/app-error.ts';
import { toPublicUser } from '../domain/user.ts';
import type { IdentityDeps } from './ports.ts';

export function makeGetMe(deps: IdentityDeps) {
  return async function getMe(userId: string) {
    const user = await deps.users.findById(userId);
    if (!user) throw new AppError('UNAUTHENTICATED', 'Log in again.');
    return toPublicUser(user);
  };
}
