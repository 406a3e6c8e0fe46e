import { AppError } from '../../../platform/app-error.ts';
import { CHANGE_TRIES, pauseBeforeRetry } from '../../../platform/retry.ts';
import { emptyMedicalProfile, withChanges, type MedicalProfileChanges } from '../domain/medical-profile.ts';
import { toMedicalProfileView } from './medical-profile-view.ts';
import type { PatientsDeps } from './ports.ts';

/**
 * Applies the patient's changes to the newest version and commits the next.
 * When another save was committed from the same version first (two tabs), it
 * reads again and applies the changes again, so each save keeps the fields
 * the other one changed and no committed version is overwritten.
 */
export function makeUpdateMedicalProfile(deps: PatientsDeps) {
  return async function updateMedicalProfile(patientId: string, changes: MedicalProfileChanges) {
    for (let attempt = 1; attempt <= CHANGE_TRIES; attempt++) {
      if (attempt > 1) await pauseBeforeRetry(attempt);
      const current = (await deps.profiles.findByPatientId(patientId)) ?? emptyMedicalProfile(patientId);
      if (current.erasedAt) throw new AppError('CONFLICT', 'This medical profile was erased with its account.');
      const next = withChanges(current, changes, deps.clock.now());
      if (next === 'unchanged') return toMedicalProfileView(current);
      if ((await deps.profiles.save(next)) === 'ok') return toMedicalProfileView(next);
    }
    throw new AppError('CONFLICT', 'Your medical profile is being saved from several places at once. Try again.');
  };
}
