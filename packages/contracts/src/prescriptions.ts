import { z } from 'zod';
import { trimmedText } from './common.ts';

export const DIAGNOSIS_MAX = 500;
export const ADVICE_MAX = 2000;
export const MEDICINES_MAX = 20;
export const MEDICINE_NAME_MAX = 120;
export const MEDICINE_FIELD_MAX = 60;
export const MEDICINE_INSTRUCTIONS_MAX = 300;
export const DURATION_DAYS_MAX = 365;
export const FOLLOW_UP_DAYS_MAX = 365;

/** Quick-fill frequencies the editor offers as chips (morning-noon-night); free text is allowed too. */
export const frequencyChips = ['1-0-0', '0-1-0', '0-0-1', '1-0-1', '1-1-1', '1-1-0', '0-1-1', 'SOS'] as const;

const optionalField = (label: string, max = MEDICINE_FIELD_MAX) =>
  trimmedText(1, max, { min: `Enter the ${label} or leave it out`, max: `Keep the ${label} under ${max} characters` }).optional();

/**
 * One medicine as the doctor writes it; maps to FHIR MedicationRequest's
 * `medicationCodeableConcept.text` (name, strength, form) and `dosageInstruction`
 * (dose, frequency, route, duration, instructions).
 */
export const PrescribedMedicine = z.object({
  name: trimmedText(1, MEDICINE_NAME_MAX, {
    min: 'Enter the medicine',
    max: `Keep the medicine's name under ${MEDICINE_NAME_MAX} characters`,
  }),
  strength: optionalField('strength'),
  form: optionalField('form'),
  route: optionalField('route'),
  dose: trimmedText(1, MEDICINE_FIELD_MAX, {
    min: 'Enter the dose',
    max: `Keep the dose under ${MEDICINE_FIELD_MAX} characters`,
  }),
  frequency: trimmedText(1, MEDICINE_FIELD_MAX, {
    min: 'Enter how often (for example 1-0-1)',
    max: `Keep the frequency under ${MEDICINE_FIELD_MAX} characters`,
  }),
  durationDays: z
    .number({ message: 'Enter the number of days' })
    .int('Enter whole days')
    .min(1, 'At least 1 day')
    .max(DURATION_DAYS_MAX, `At most ${DURATION_DAYS_MAX} days`),
  instructions: optionalField('instructions', MEDICINE_INSTRUCTIONS_MAX),
});
export type PrescribedMedicine = z.infer<typeof PrescribedMedicine>;

/** `POST /appointments/:id/prescriptions` and `POST /prescriptions/:id/amend`. */
export const IssuePrescriptionRequest = z
  .object({
    diagnosis: trimmedText(1, DIAGNOSIS_MAX, {
      min: 'Enter the diagnosis',
      max: `Keep the diagnosis under ${DIAGNOSIS_MAX} characters`,
    }),
    medicines: z
      .array(PrescribedMedicine, { message: 'List the medicines' })
      .min(1, 'Add at least one medicine')
      .max(MEDICINES_MAX, `At most ${MEDICINES_MAX} medicines`),
    advice: trimmedText(1, ADVICE_MAX, {
      min: 'Write the advice or leave it out',
      max: `Keep the advice under ${ADVICE_MAX} characters`,
    }).optional(),
    followUpInDays: z
      .number()
      .int('Enter whole days')
      .min(1, 'At least 1 day')
      .max(FOLLOW_UP_DAYS_MAX, `At most ${FOLLOW_UP_DAYS_MAX} days`)
      .optional(),
  })
  .meta({ id: 'IssuePrescriptionRequest' });
export type IssuePrescriptionRequest = z.input<typeof IssuePrescriptionRequest>;

export const PrescriptionStatus = z.enum(['active', 'superseded']);
export type PrescriptionStatus = z.infer<typeof PrescriptionStatus>;

/** The prescription as API.md names it, plus what the patient's and doctor's pages show. */
export const Prescription = z
  .object({
    id: z.string(),
    /** Stable across versions: `RX-` and the verification code of version 1. */
    number: z.string(),
    version: z.number().int().min(1),
    status: PrescriptionStatus,
    appointmentId: z.string(),
    patientId: z.string(),
    doctorId: z.string(),
    diagnosis: z.string(),
    medicines: z.array(PrescribedMedicine),
    advice: z.string().optional(),
    followUpInDays: z.number().int().optional(),
    /** `issuedAt` + followUpInDays as a date in the doctor's time zone (YYYY-MM-DD). */
    followUpDate: z.string().optional(),
    issuedAt: z.string(),
    /** 8 characters of Crockford base32, shown as XXXX-XXXX. */
    verificationCode: z.string(),
    doctorName: z.string(),
    patientName: z.string(),
    /** The id of the version that replaced this one, when superseded. */
    supersededBy: z.string().optional(),
  })
  .meta({ id: 'Prescription' });
export type Prescription = z.infer<typeof Prescription>;

export const PrescriptionResponse = z.object({ prescription: Prescription });
export const PrescriptionVersions = z.object({ items: z.array(Prescription) }).meta({ id: 'PrescriptionVersions' });

export const PrescriptionListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export const PrescriptionList = z
  .object({ items: z.array(Prescription), total: z.number().int(), page: z.number().int(), limit: z.number().int() })
  .meta({ id: 'PrescriptionList' });
export type PrescriptionList = z.infer<typeof PrescriptionList>;

/** A verification code as typed: 8 Crockford base32 characters, an optional dash in the middle, any case. */
export const VERIFICATION_CODE_PATTERN = '^[0-9A-Za-z]{4}-?[0-9A-Za-z]{4}$';
export const VerificationCodeParam = z.object({
  code: z.string().regex(new RegExp(VERIFICATION_CODE_PATTERN), 'Enter the 8-character code, for example 7KQ2-M9XD'),
});

/** Public: says whether the paper is genuine, and nothing of its health data. */
export const PrescriptionVerification = z
  .object({
    valid: z.boolean(),
    status: PrescriptionStatus,
    number: z.string(),
    version: z.number().int(),
    issuedAt: z.string(),
    doctorName: z.string(),
    registrationNumber: z.string(),
    council: z.string().optional(),
    /** When superseded: the version now current. */
    currentVersion: z.number().int().optional(),
  })
  .meta({ id: 'PrescriptionVerification' });
export type PrescriptionVerification = z.infer<typeof PrescriptionVerification>;

export const MedicineQuery = z.object({
  q: z.string().trim().max(MEDICINE_NAME_MAX).default(''),
  limit: z.coerce.number().int().min(1).max(20).default(10),
});
export const MedicineSuggestion = z.object({ name: z.string(), forms: z.array(z.string()) });
export const MedicineSuggestions = z.object({ items: z.array(MedicineSuggestion) }).meta({ id: 'MedicineSuggestions' });
export type MedicineSuggestion = z.infer<typeof MedicineSuggestion>;
