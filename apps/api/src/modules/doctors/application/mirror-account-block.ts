import { AppError } from '../../../platform/app-error.ts';
import { withBlocked } from '../domain/doctor.ts';
import { CHANGE_TRIES, pauseBeforeRetry } from '../../../platform/retry.ts';
import { loadDoctor } from './load-doctor.ts';
import type { DoctorsDeps } from './ports.ts';

export function makeMirrorAccountBlock(deps: DoctorsDeps) {
  /**
   * Runs after identity committed a block or unblock (an 'account.block-changed'
   * event): copies identity's current answer onto the doctor record, which
   * search filters on. It reads identity rather than trusting the event, so
   * events delivered late or out of order still converge; and it checks
   * identity again after writing, so a value read just before a newer change
   * is corrected by the writer itself.
   */
  return async function mirrorAccountBlock(userId: string) {
    for (let attempt = 1; attempt <= CHANGE_TRIES; attempt++) {
      if (attempt > 1) await pauseBeforeRetry(attempt);
      const account = await deps.users.findById(userId);
      if (!account || account.role !== 'doctor') return;
      const next = withBlocked(await loadDoctor(deps, userId), account.blocked, deps.clock.now());
      if (next === 'unchanged') return;
      if ((await deps.doctors.save(next, [])) === 'conflict') continue;
      if ((await deps.users.findById(userId))?.blocked === account.blocked) return;
    }
    // The outbox retries the event later.
    throw new AppError('CONFLICT', `The block of doctor ${userId} is changing too often to mirror now.`);
  };
}
