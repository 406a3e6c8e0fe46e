import type { OwnDoctor, UpdateDoctorProfileRequest } from '@doctime/contracts';
import type { Path } from 'react-hook-form';
import { numberOrUndefined } from '../../../lib/form-resolver';
import { browserTimeZone } from '../../../lib/time-zones';

/** What the profile form holds: inputs as typed (empty NumberInputs are ''). */
export interface ProfileFormValues {
  specialtyId: string;
  subSpecialties: string[];
  qualifications: string[];
  experienceYears: number | string;
  languages: string[];
  consultationFee: { amount: number | string; currency: string };
  bio: string;
  timeZone: string;
  gender: string | null;
  clinic: { name: string; address: string; city: string };
  avatarFileId: string | null;
}

export const PROFILE_FIELDS: readonly Path<ProfileFormValues>[] = [
  'specialtyId',
  'subSpecialties',
  'qualifications',
  'experienceYears',
  'languages',
  'consultationFee.amount',
  'consultationFee.currency',
  'bio',
  'timeZone',
  'gender',
  'clinic.name',
  'clinic.address',
  'clinic.city',
  'avatarFileId',
];

export function profileFormValues(doctor: OwnDoctor): ProfileFormValues {
  const profile = doctor.profile;
  return {
    specialtyId: profile?.specialtyId ?? '',
    subSpecialties: profile?.subSpecialties ?? [],
    qualifications: profile?.qualifications ?? [],
    experienceYears: profile?.experienceYears ?? '',
    languages: profile?.languages ?? [],
    consultationFee: {
      amount: profile?.consultationFee?.amount ?? '',
      currency: profile?.consultationFee?.currency ?? 'INR',
    },
    bio: profile?.bio ?? '',
    timeZone: profile?.timeZone ?? browserTimeZone(),
    gender: profile?.gender ?? null,
    clinic: {
      name: profile?.clinic?.name ?? '',
      address: profile?.clinic?.address ?? '',
      city: profile?.clinic?.city ?? '',
    },
    avatarFileId: profile?.avatarFileId ?? null,
  };
}

/**
 * The request the form's values make. The clinic is optional as a whole: it is
 * sent only when something is filled in, so a half-filled clinic gets errors on
 * its empty fields.
 */
export function toProfileRequest(values: ProfileFormValues): UpdateDoctorProfileRequest {
  const { clinic } = values;
  const hasClinic = [clinic.name, clinic.address, clinic.city].some((part) => part.trim() !== '');
  return {
    specialtyId: values.specialtyId,
    subSpecialties: values.subSpecialties,
    qualifications: values.qualifications,
    // Left empty, these fail validation with the contract's "Enter ..." messages.
    experienceYears: numberOrUndefined(values.experienceYears) as number,
    languages: values.languages,
    consultationFee: {
      amount: numberOrUndefined(values.consultationFee.amount) as number,
      currency: values.consultationFee.currency,
    },
    bio: values.bio,
    timeZone: values.timeZone,
    ...(values.gender ? { gender: values.gender as NonNullable<UpdateDoctorProfileRequest['gender']> } : {}),
    ...(hasClinic ? { clinic } : {}),
    ...(values.avatarFileId ? { avatarFileId: values.avatarFileId } : {}),
  };
}
