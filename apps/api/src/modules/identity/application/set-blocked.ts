import { AppError } from '../../../platform/app-error.ts';
import { toAdminUser } from './list-users.ts';
import type { IdentityDeps } from './ports.ts';

export function makeSetBlocked(deps: IdentityDeps) {
  /** Blocking ends every session of the account at once; admins are not blocked from the admin area. */
  return async function setBlocked(userId: string, block: { reason: string } | null) {
    const user = await deps.users.findById(userId);
    if (!user) throw new AppError('NOT_FOUND', 'No such user.');
    if (user.role === 'admin') throw new AppError('FORBIDDEN', 'Admin accounts cannot be blocked here.');
    const now = deps.clock.now();
    const blocked = block ? { at: now, reason: block.reason } : null;
    await deps.users.setBlocked(user.id, blocked, now);
    if (blocked) await deps.sessions.revokeAllForUser(user.id, now);
    return toAdminUser({ ...user, blocked });
  };
}

export function makeFindNames(deps: IdentityDeps) {
  return async function findNames(ids: string[]) {
    const users = ids.length ? await deps.users.findByIds(ids) : [];
    return new Map(users.map((u) => [u.id, u.name]));
  };
}

/** The small view of an account other modules need. */
export function makeFindAccount(deps: IdentityDeps) {
  return async function findAccount(id: string) {
    const user = await deps.users.findById(id);
    return user ? { id: user.id, name: user.name, email: user.email, role: user.role, blocked: !!user.blocked } : null;
  };
}
