import type { MedicalProfile as MedicalProfileView } from '@doctime/contracts';
import type { MedicalProfile } from '../domain/medical-profile.ts';

/** The profile as the API answers it (and the data export holds it). */
export function toMedicalProfileView({ erasedAt: _erased, updatedAt, ...profile }: MedicalProfile): MedicalProfileView {
  return { ...profile, updatedAt: updatedAt ? updatedAt.toISOString() : null };
}
