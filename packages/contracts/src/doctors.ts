import { z } from 'zod';
import { NON_BLANK, trimmedText } from './common.ts';
import { TimeZone } from './scheduling.ts';

export const Specialty = z.object({ id: z.string(), name: z.string() }).meta({ id: 'Specialty' });
export type Specialty = z.infer<typeof Specialty>;
export const SpecialtyList = z.object({ items: z.array(Specialty) });

export const kycStatuses = ['not_submitted', 'pending', 'approved', 'rejected', 'resubmission_requested'] as const;
export const KycStatus = z.enum(kycStatuses);
export type KycStatus = z.infer<typeof KycStatus>;

export const genders = ['female', 'male', 'other'] as const;
export const Gender = z.enum(genders, { message: 'Choose female, male or other' });

const shortText = (label: string, max = 100) =>
  trimmedText(1, max, { min: `Enter ${label}`, max: `${label[0]!.toUpperCase()}${label.slice(1)} is too long` });

export const Clinic = z.object({
  name: shortText('the clinic name', 120),
  address: shortText('the address', 300),
  city: shortText('the city', 100),
});

export const UpdateDoctorProfileRequest = z
  .object({
    specialtyId: trimmedText(1, 60, { min: 'Choose a specialty' }).meta({ examples: ['general-physician'] }),
    subSpecialties: z.array(shortText('a sub-specialty', 80)).max(10).default([]),
    qualifications: z.array(shortText('a qualification', 120)).min(1, 'Add at least one qualification').max(20),
    experienceYears: z.number({ message: 'Enter years of experience' }).int().min(0).max(70),
    languages: z.array(shortText('a language', 40)).min(1, 'Add at least one language').max(20),
    consultationFee: z.object({
      amount: z.number({ message: 'Enter the fee' }).min(0, 'The fee cannot be negative').max(1_000_000),
      currency: z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z]{3}$/, 'Use a 3-letter currency code, like INR or USD'),
    }),
    bio: trimmedText(20, 2000, { min: 'Write at least 20 characters about yourself', max: 'Keep the bio under 2000 characters' }),
    timeZone: TimeZone,
    gender: Gender.optional(),
    clinic: Clinic.optional(),
    avatarFileId: trimmedText(1, 100).optional(),
  })
  .meta({ id: 'UpdateDoctorProfileRequest' });
export type UpdateDoctorProfileRequest = z.input<typeof UpdateDoctorProfileRequest>;

export const SubmitKycRequest = z
  .object({
    registrationNumber: trimmedText(3, 50, { min: 'Enter the registration number' }),
    council: trimmedText(2, 120, { min: 'Enter the issuing council' }),
    registrationYear: z
      .number({ message: 'Enter the registration year' })
      .int()
      .min(1950, 'Enter a year after 1950')
      .max(new Date().getUTCFullYear(), 'The year cannot be in the future'),
    documents: z.object({
      identity: trimmedText(1, 100, { min: 'Upload an identity document' }),
      license: trimmedText(1, 100, { min: 'Upload the licence document' }),
      degree: trimmedText(1, 100).optional(),
    }),
  })
  .meta({ id: 'SubmitKycRequest' });
export type SubmitKycRequest = z.input<typeof SubmitKycRequest>;

export const KycEvent = z.object({
  /** The submission this entry belongs to. */
  submission: z.number().optional(),
  from: KycStatus,
  to: KycStatus,
  byUserId: z.string(),
  byRole: z.string(),
  at: z.string(),
  reason: z.string().optional(),
});

export const DoctorKyc = z.object({
  status: KycStatus,
  /** Increases with every submission; an admin's decision names the one it reviewed. */
  submission: z.number().optional(),
  registrationNumber: z.string().optional(),
  council: z.string().optional(),
  registrationYear: z.number().optional(),
  documents: z.object({ identity: z.string(), license: z.string(), degree: z.string().optional() }).optional(),
  submittedAt: z.string().optional(),
  decidedAt: z.string().optional(),
  reason: z.string().optional(),
});

/** The doctor's own view of their record (GET /doctors/me). */
export const OwnDoctor = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    profile: UpdateDoctorProfileRequest.partial().extend({ specialtyName: z.string().optional() }).nullable(),
    profileComplete: z.boolean(),
    avatarUrl: z.string().optional(),
    kyc: DoctorKyc,
    history: z.array(KycEvent),
    listed: z.boolean(),
  })
  .meta({ id: 'OwnDoctor' });
export type OwnDoctor = z.infer<typeof OwnDoctor>;
export const OwnDoctorResponse = z.object({ doctor: OwnDoctor });

/** What patients see. */
export const PublicDoctor = z
  .object({
    id: z.string(),
    name: z.string(),
    specialty: Specialty,
    subSpecialties: z.array(z.string()),
    qualifications: z.array(z.string()),
    experienceYears: z.number(),
    languages: z.array(z.string()),
    consultationFee: z.object({ amount: z.number(), currency: z.string() }),
    bio: z.string(),
    timeZone: z.string(),
    gender: Gender.optional(),
    clinic: Clinic.optional(),
    avatarUrl: z.string().optional(),
    rating: z.object({ average: z.number(), count: z.number() }).optional(),
  })
  .meta({ id: 'PublicDoctor' });
export type PublicDoctor = z.infer<typeof PublicDoctor>;
export const PublicDoctorResponse = z.object({ doctor: PublicDoctor });

export const doctorSorts = ['relevance', 'fee_asc', 'fee_desc', 'experience_desc', 'name_asc'] as const;
export const DoctorSearchQuery = z.object({
  q: z.string().trim().max(100).optional(),
  specialtyId: z.string().trim().max(60).optional(),
  language: z.string().trim().max(40).optional(),
  gender: Gender.optional(),
  maxFee: z.coerce.number().min(0).optional(),
  availableOn: z.iso.date({ message: 'Use a date like 2026-12-31' }).optional(),
  tz: TimeZone.optional(),
  sort: z.enum(doctorSorts).default('relevance'),
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(50).default(12),
});
export type DoctorSearchQuery = z.input<typeof DoctorSearchQuery>;
export const DoctorSearchResult = z
  .object({ items: z.array(PublicDoctor), total: z.number(), page: z.number(), limit: z.number() })
  .meta({ id: 'DoctorSearchResult' });
export type DoctorSearchResult = z.infer<typeof DoctorSearchResult>;

// ---- admin review ----
export const KycQueueQuery = z.object({
  status: KycStatus.default('pending'),
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const KycQueueItem = z.object({
  doctorId: z.string(),
  name: z.string(),
  email: z.string(),
  specialtyName: z.string().optional(),
  status: KycStatus,
  submission: z.number().optional(),
  submittedAt: z.string().optional(),
});
export const KycQueue = z
  .object({
    items: z.array(KycQueueItem),
    total: z.number(),
    page: z.number(),
    limit: z.number(),
    // An object with every status (a record would not name its keys in OpenAPI).
    counts: z.object(Object.fromEntries(kycStatuses.map((s) => [s, z.number().int()])) as Record<KycStatus, z.ZodNumber>),
  })
  .meta({ id: 'KycQueue' });
export type KycQueue = z.infer<typeof KycQueue>;

export const KycDocumentLink = z.object({ fileId: z.string(), contentType: z.string(), url: z.string(), expiresAt: z.string() });
export type KycDocumentLink = z.infer<typeof KycDocumentLink>;
export const AdminKycDetails = z
  .object({
    doctor: OwnDoctor,
    documents: z.object({
      identity: KycDocumentLink.optional(),
      license: KycDocumentLink.optional(),
      degree: KycDocumentLink.optional(),
    }),
    /** Other doctors whose submission carries the same registration number (found by its blind index). */
    sameRegistration: z.array(z.object({ doctorId: z.string(), name: z.string(), status: z.enum(kycStatuses) })),
  })
  .meta({ id: 'AdminKycDetails' });
export type AdminKycDetails = z.infer<typeof AdminKycDetails>;

export const KycDecisionRequest = z
  .object({
    decision: z.enum(['approve', 'reject', 'resubmit'], { message: 'Choose approve, reject or resubmit' }),
    reason: z.string().trim().max(1000).optional(),
    /** The submission (`kyc.submission`) the admin reviewed; if the doctor submitted since, the decision is refused (409). */
    submission: z.number().int().min(1).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision !== 'approve' && !v.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Give a reason the doctor will read' });
    }
  })
  .meta({
    id: 'KycDecisionRequest',
    // What the refinement says, for OpenAPI: a rejection or resubmission needs a non-blank reason.
    oneOf: [
      { properties: { decision: { const: 'approve' } }, required: ['decision'] },
      {
        properties: { decision: { enum: ['reject', 'resubmit'] }, reason: { pattern: NON_BLANK } },
        required: ['decision', 'reason'],
      },
    ],
  });
export type KycDecisionRequest = z.input<typeof KycDecisionRequest>;

export const BlockUserRequest = z
  .object({ reason: trimmedText(3, 1000, { min: 'Give a reason (at least 3 characters)' }) })
  .meta({ id: 'BlockUserRequest' });

/**
 * What the audit log records: an admin's decisions, and every read of another
 * person's health data by an admin (`*.view`). Entries keep their action as a
 * plain string, so a log written by a newer version still lists.
 */
export const auditActions = [
  'kyc.approve',
  'kyc.reject',
  'kyc.resubmit',
  'user.block',
  'user.unblock',
  'kyc.view',
  'appointment.view',
  'prescription.view',
] as const;
export type AuditAction = (typeof auditActions)[number];

export const AuditEntry = z.object({
  id: z.string(),
  actorId: z.string(),
  actorName: z.string().optional(),
  action: z.string().meta({ examples: [...auditActions] }),
  targetId: z.string(),
  reason: z.string().optional(),
  at: z.string(),
  ip: z.string().optional(),
});
export const AuditLogQuery = z.object({
  action: z.string().trim().max(60).optional(),
  targetId: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export const AuditLog = z
  .object({ items: z.array(AuditEntry), total: z.number(), page: z.number(), limit: z.number() })
  .meta({ id: 'AuditLog' });
export type AuditLog = z.infer<typeof AuditLog>;
