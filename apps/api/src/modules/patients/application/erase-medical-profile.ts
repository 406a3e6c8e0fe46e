import { AppError } from '../../../platform/app-error.ts';
import { CHANGE_TRIES } from '../../../platform/retry.ts';
import { emptyMedicalProfile, erasedMedicalProfile } from '../domain/medical-profile.ts';
import type { PatientsDeps } from './ports.ts';

/**
 * Account deletion: the profile becomes an empty, erased version and every
 * earlier version loses its values. A profile never saved is created erased,
 * so a save still in flight cannot store health data afterwards (an erased
 * profile takes no change). Running it again finishes an interrupted erasure.
 */
export function makeEraseMedicalProfile(deps: PatientsDeps) {
  return async function eraseMedicalProfile(patientId: string): Promise<void> {
    for (let attempt = 1; attempt <= CHANGE_TRIES; attempt++) {
      const now = deps.clock.now();
      if (await deps.profiles.erase(patientId, (current) => erasedMedicalProfile(current, now))) return;
      // Never saved; 'conflict' means a first save just landed: erase that.
      if ((await deps.profiles.save(erasedMedicalProfile(emptyMedicalProfile(patientId), now))) === 'ok') return;
    }
    throw new AppError('CONFLICT', 'The medical profile kept changing while it was being erased. Try again.');
  };
}
