import { AppError } from '../../../platform/app-error.ts';
import type { SideEffect } from '../../../platform/side-effect.ts';
import { isErased, withBlock } from '../domain/user.ts';
import { changeUser } from './change-user.ts';
import { toAdminUser } from './list-users.ts';
import type { IdentityDeps } from './ports.ts';

/** The event other modules (the doctors' search listing) follow blocking by. */
export const BLOCK_CHANGED = 'account.block-changed';

export function makeSetBlocked(deps: IdentityDeps) {
  /**
   * Blocks (reason given) or unblocks (null) an account, committing the change
   * together with the caller's effects (the admin's audit entry) and an
   * 'account.block-changed' event; the outbox delivers them once it sticks.
   * Blocking then ends every session of the account. Admin accounts are not
   * blocked here.
   */
  return async function setBlocked(
    userId: string,
    block: { reason: string } | null,
    extra: { effects: SideEffect[] } = { effects: [] },
  ) {
    const now = deps.clock.now();
    const user = await changeUser(deps.users, userId, (current) => {
      if (current.role === 'admin') throw new AppError('FORBIDDEN', 'Admin accounts cannot be blocked here.');
      const event: SideEffect = {
        type: BLOCK_CHANGED,
        payload: { userId: current.id, role: current.role, blocked: block !== null },
      };
      return { next: withBlock(current, block, now), effects: [...extra.effects, event] };
    });
    if (!user) throw new AppError('NOT_FOUND', 'No such user.');
    // After the commit: revoking is monotonic, so a plain update is safe even when racing an unblock.
    if (block) await deps.sessions.revokeAllForUser(user.id, now);
    return toAdminUser(user);
  };
}

export function makeFindNames(deps: IdentityDeps) {
  return async function findNames(ids: string[]) {
    const users = ids.length ? await deps.users.findByIds(ids) : [];
    return new Map(users.map((u) => [u.id, u.name]));
  };
}

/** The small view of an account other modules need; null for none, or a deleted one (nothing may start for it). */
export function makeFindAccount(deps: IdentityDeps) {
  return async function findAccount(id: string) {
    const user = await deps.users.findById(id);
    return user && !isErased(user)
      ? { id: user.id, name: user.name, email: user.email, role: user.role, blocked: !!user.blocked }
      : null;
  };
}
