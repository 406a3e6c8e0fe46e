import { AppError } from '../../../platform/app-error.ts';
import { CHANGE_TRIES, pauseBeforeRetry } from '../../../platform/retry.ts';
import type { SideEffect } from '../../../platform/side-effect.ts';
import type { UserChange, User } from '../domain/user.ts';
import type { UserRepository } from './ports.ts';

/** A change to apply to the newest version: the changed user and what to commit with it, or 'unchanged'. */
export type Change = (current: User) => { next: User; effects?: SideEffect[] } | 'unchanged';

/** Wraps a pure domain change that has no effects. */
export const only =
  (change: (current: User) => UserChange): Change =>
  (current) => {
    const next = change(current);
    return next === 'unchanged' ? next : { next };
  };

/**
 * Reads the newest version of the user, applies `change` and commits the
 * result as the next version. When another change was committed from the
 * same version first ('conflict'), it reads again and re-applies, so
 * concurrent changes to different fields (a block and a new password) are
 * both kept instead of one overwriting the other. `change` may throw to refuse.
 *
 * Returns the user as committed (or as found, when the change was
 * 'unchanged'), or null when there is no such user.
 */
export async function changeUser(users: UserRepository, userId: string, change: Change): Promise<User | null> {
  for (let attempt = 1; attempt <= CHANGE_TRIES; attempt++) {
    if (attempt > 1) await pauseBeforeRetry(attempt);
    const current = await users.findById(userId);
    if (!current) return null;
    const result = change(current);
    if (result === 'unchanged') return current;
    const next: User = { ...result.next, id: current.id, version: current.version + 1 };
    if ((await users.save(next, result.effects ?? [])) === 'ok') return next;
  }
  throw new AppError('CONFLICT', 'This account is being changed by several requests at once. Try again.');
}
