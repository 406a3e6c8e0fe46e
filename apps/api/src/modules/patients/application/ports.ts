import type { MedicalProfile } from '../domain/medical-profile.ts';

/**
 * Medical profiles are versioned records (id = patientId): a change is
 * committed only if no other change was committed from the same version.
 */
export interface MedicalProfileRepository {
  /** The newest committed version, or null when the patient never saved one. */
  findByPatientId(patientId: string): Promise<MedicalProfile | null>;
  /** Commits `next` (version 1 creates the record), or 'conflict' when another change came first. */
  save(next: MedicalProfile): Promise<'ok' | 'conflict'>;
  /**
   * Commits `redact` of the newest version as the next one, then strips the
   * values of every earlier version. Null when the patient never saved one.
   */
  erase(patientId: string, redact: (current: MedicalProfile) => MedicalProfile): Promise<MedicalProfile | null>;
}

export interface PatientsDeps {
  profiles: MedicalProfileRepository;
  clock: { now(): Date };
}
