import { AppError } from '../../../platform/app-error.ts';
import { isErased, toPublicUser } from '../domain/user.ts';
import type { IdentityDeps } from './ports.ts';

/** The account as its owner exports it (their data, with its creation date). */
export function makeExportAccount(deps: IdentityDeps) {
  return async function exportAccount(userId: string) {
    const user = await deps.users.findById(userId);
    if (!user || isErased(user)) throw new AppError('UNAUTHENTICATED', 'Log in again.');
    return { ...toPublicUser(user), createdAt: user.createdAt.toISOString() };
  };
}
