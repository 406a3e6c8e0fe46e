import { AppError } from '../../../platform/app-error.ts';
import type { SideEffect } from '../../../platform/side-effect.ts';
import { erasedUser, isErased } from '../domain/user.ts';
import type { IdentityDeps } from './ports.ts';

/** Identity's own part of a deletion, delivered by the outbox once the erased account is committed. */
export const ACCOUNT_ERASED = 'account.erased';

/**
 * Deletes an account on its owner's request. The password is checked again;
 * then the account is committed anonymised (`erasedUser`) and every earlier
 * version loses its values. From that commit on it cannot sign in, refresh or
 * call the API (its e-mail key no longer matches it and every check refuses an
 * erased account), whatever is still left to do. Committed with it are the
 * caller's `effects` (erasing the person's data in other modules) and
 * identity's own cleanup (`finishAccountErasure`): the outbox delivers them
 * with retries, so a deletion interrupted halfway is finished.
 */
export function makeEraseAccount(deps: IdentityDeps) {
  return async function eraseAccount(input: { userId: string; password: string; effects: SideEffect[] }): Promise<void> {
    const user = await deps.users.findById(input.userId);
    if (!user || isErased(user)) throw new AppError('UNAUTHENTICATED', 'Log in again.');
    if (!(await deps.hasher.verify(user.passwordHash, input.password))) {
      throw AppError.validation({ password: ['Password is not right'] });
    }
    // The address travels in the outbox entry (deleted once delivered): the account no longer holds it.
    const cleanup: SideEffect = { type: ACCOUNT_ERASED, payload: { userId: user.id, email: user.email } };
    await deps.users.erase(user.id, (current) => erasedUser(current, deps.clock.now()), [...input.effects, cleanup]);
  };
}

/**
 * The rest of an erased account, safe to repeat: its e-mail key is deleted
 * (the address may sign up again), every session ends, and its e-mailed codes go.
 */
export function makeFinishAccountErasure(deps: IdentityDeps) {
  return async function finishAccountErasure(erased: { userId: string; email: string }): Promise<void> {
    await deps.users.releaseEmail(erased.email, erased.userId);
    await deps.sessions.revokeAllForUser(erased.userId, deps.clock.now());
    await deps.codes.deleteAllFor(erased.userId);
  };
}
