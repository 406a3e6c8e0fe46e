import { AppError } from '../../../platform/app-error.ts';
import type { PrivacyDeps } from './ports.ts';

/** The outbox effect that erases a deleted account's data in every module (erase-personal-data.ts). */
export const ERASE_PERSONAL_DATA = 'account.erase-personal-data';

/**
 * A patient deletes their account (the right to erasure). The request is
 * recorded first: the account is committed erased (signed out everywhere at
 * once, its password and e-mail gone) together with a durable outbox effect
 * that erases the rest in every module, retried until all of it is done. So a
 * deletion that stops halfway (a crash, a module failing) is finished, and a
 * deletion never half-happens from the patient's side: after this returns
 * they can no longer sign in.
 */
export function makeDeleteMyAccount(deps: PrivacyDeps) {
  return async function deleteMyAccount(caller: { userId: string; role: string }, input: { password: string }) {
    if (caller.role !== 'patient') {
      throw new AppError('FORBIDDEN', "A doctor's account is closed by DocTime support, who keep the records the law requires.");
    }
    await deps.accounts.eraseAccount({
      userId: caller.userId,
      password: input.password,
      effects: [{ type: ERASE_PERSONAL_DATA, payload: { userId: caller.userId } }],
    });
  };
}
