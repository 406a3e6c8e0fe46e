import { z } from 'zod';
import { trimmedText } from './common.ts';
import { DateString } from './scheduling.ts';

/** Sex as a prescription records it; `unspecified` when the patient prefers not to say. */
export const sexes = ['female', 'male', 'other', 'unspecified'] as const;
export const Sex = z.enum(sexes, { message: 'Choose female, male, other or unspecified' });
export type Sex = z.infer<typeof Sex>;

export const bloodGroups = ['A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', 'O+', 'O-', 'unknown'] as const;
export const BloodGroup = z.enum(bloodGroups, { message: 'Choose a blood group from the list' });
export type BloodGroup = z.infer<typeof BloodGroup>;

export const MEDICAL_LIST_MAX_ITEMS = 30;
export const MEDICAL_ITEM_MAX = 100;
export const MEDICAL_NOTES_MAX = 1000;
export const EARLIEST_DATE_OF_BIRTH = '1900-01-01';

/**
 * Today's date where it is latest on earth (UTC+14), so a baby born today
 * anywhere may be entered; dates of birth after it are in the future everywhere.
 */
export function latestToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);
}

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** A date of birth from 1900-01-01 to today (both checked when the request is parsed). */
export const DateOfBirth = DateString.refine((v) => !isDate(v) || v >= EARLIEST_DATE_OF_BIRTH, 'Enter a date from 1900 on')
  .refine((v) => !isDate(v) || v <= latestToday(), 'The date of birth cannot be in the future')
  // For OpenAPI: years 1900 to 2099 (JSON Schema cannot say "not after today").
  .meta({ pattern: '^(19|20)\\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$' });

const medicalList = (label: string, plural = `${label}s`) =>
  z
    .array(
      trimmedText(1, MEDICAL_ITEM_MAX, {
        min: `Remove the empty ${label}`,
        max: `Keep each ${label} under ${MEDICAL_ITEM_MAX} characters`,
      }),
    )
    .max(MEDICAL_LIST_MAX_ITEMS, `List at most ${MEDICAL_LIST_MAX_ITEMS} ${plural}`);

/**
 * A change of the patient's own medical profile: a field left out stays as
 * stored, `null` clears it, a list replaces the stored list. Blank notes clear them.
 */
export const UpdateMedicalProfileRequest = z
  .object({
    dateOfBirth: DateOfBirth.nullable().optional(),
    sex: Sex.nullable().optional(),
    bloodGroup: BloodGroup.nullable().optional(),
    allergies: medicalList('allergy', 'allergies').optional(),
    conditions: medicalList('condition').optional(),
    medications: medicalList('medication').optional(),
    notes: z.string().trim().max(MEDICAL_NOTES_MAX, `Keep the notes under ${MEDICAL_NOTES_MAX} characters`).nullable().optional(),
  })
  .meta({ id: 'UpdateMedicalProfileRequest' });
export type UpdateMedicalProfileRequest = z.input<typeof UpdateMedicalProfileRequest>;

/** The patient's medical profile; `version` 0 and no `updatedAt` until it is first saved. */
export const MedicalProfile = z
  .object({
    patientId: z.string(),
    version: z.number().int(),
    dateOfBirth: z.string().optional(),
    sex: Sex.optional(),
    bloodGroup: BloodGroup.optional(),
    allergies: z.array(z.string()),
    conditions: z.array(z.string()),
    medications: z.array(z.string()),
    notes: z.string().optional(),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'MedicalProfile' });
export type MedicalProfile = z.infer<typeof MedicalProfile>;
export const MedicalProfileResponse = z.object({ profile: MedicalProfile });
