import { MEDICAL_LIST_MAX_ITEMS, type MedicalProfile, type UpdateMedicalProfileRequest } from '@doctime/contracts';
import type { Path } from 'react-hook-form';
import type { MedicalProfileBody } from '../api/use-update-medical-profile';

/** What the medical profile form holds: empty inputs are '' or null. */
export interface MedicalProfileFormValues {
  dateOfBirth: string;
  sex: string | null;
  bloodGroup: string | null;
  allergies: string[];
  conditions: string[];
  medications: string[];
  notes: string;
}

export const MEDICAL_LISTS = ['allergies', 'conditions', 'medications'] as const;

/** Fields the API may name in `fieldErrors`, list entries included ("allergies.3"). */
export const MEDICAL_PROFILE_FIELDS: readonly Path<MedicalProfileFormValues>[] = [
  'dateOfBirth',
  'sex',
  'bloodGroup',
  ...MEDICAL_LISTS.flatMap((list) => [
    list,
    ...Array.from({ length: MEDICAL_LIST_MAX_ITEMS }, (_, i) => `${list}.${i}` as const),
  ]),
  'notes',
];

export function medicalProfileFormValues(profile: MedicalProfile): MedicalProfileFormValues {
  return {
    dateOfBirth: profile.dateOfBirth ?? '',
    sex: profile.sex ?? null,
    bloodGroup: profile.bloodGroup ?? null,
    allergies: profile.allergies,
    conditions: profile.conditions,
    medications: profile.medications,
    notes: profile.notes ?? '',
  };
}

/** The whole form as a request: an empty field is sent as null (cleared). */
export function toMedicalProfileRequest(values: MedicalProfileFormValues): UpdateMedicalProfileRequest {
  return {
    dateOfBirth: values.dateOfBirth || null,
    sex: (values.sex as UpdateMedicalProfileRequest['sex']) ?? null,
    bloodGroup: (values.bloodGroup as UpdateMedicalProfileRequest['bloodGroup']) ?? null,
    allergies: values.allergies,
    conditions: values.conditions,
    medications: values.medications,
    notes: values.notes.trim() ? values.notes : null,
  };
}

/**
 * Only the fields that differ from what the form was loaded with, so a save
 * from another tab or device meanwhile keeps the fields this form did not touch.
 */
export function changedFields(body: MedicalProfileBody, loaded: MedicalProfileFormValues): MedicalProfileBody {
  const before = toMedicalProfileRequest(loaded) as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(body).filter(([field, value]) => JSON.stringify(value) !== JSON.stringify(before[field])),
  ) as MedicalProfileBody;
}
