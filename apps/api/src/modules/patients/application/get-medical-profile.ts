import { emptyMedicalProfile } from '../domain/medical-profile.ts';
import { toMedicalProfileView } from './medical-profile-view.ts';
import type { PatientsDeps } from './ports.ts';

/** The patient's own medical profile, empty until first saved. */
export function makeGetMedicalProfile(deps: PatientsDeps) {
  return async function getMedicalProfile(patientId: string) {
    return toMedicalProfileView((await deps.profiles.findByPatientId(patientId)) ?? emptyMedicalProfile(patientId));
  };
}
