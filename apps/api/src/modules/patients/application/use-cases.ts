import { makeEraseMedicalProfile } from './erase-medical-profile.ts';
import { makeGetMedicalProfile } from './get-medical-profile.ts';
import type { PatientsDeps } from './ports.ts';
import { makeUpdateMedicalProfile } from './update-medical-profile.ts';

export function makePatientsUseCases(deps: PatientsDeps) {
  return {
    getMedicalProfile: makeGetMedicalProfile(deps),
    updateMedicalProfile: makeUpdateMedicalProfile(deps),
    eraseMedicalProfile: makeEraseMedicalProfile(deps),
  };
}
export type PatientsUseCases = ReturnType<typeof makePatientsUseCases>;
