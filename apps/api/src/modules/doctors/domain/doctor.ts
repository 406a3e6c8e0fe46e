import type { KycRecord } from './kyc.ts';

export interface DoctorProfile {
  specialtyId: string;
  subSpecialties: string[];
  qualifications: string[];
  experienceYears: number;
  languages: string[];
  consultationFee: { amount: number; currency: string };
  bio: string;
  timeZone: string;
  gender?: 'female' | 'male' | 'other';
  clinic?: { name: string; address: string; city: string };
  avatarFileId?: string;
}

export interface Doctor {
  id: string;
  name: string;
  email: string;
  profile: DoctorProfile | null;
  specialtyName?: string;
  kyc: KycRecord;
  blocked: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** Patients see a doctor only when KYC is approved, the account unblocked and the profile filled in. */
export function isListed(doctor: Pick<Doctor, 'kyc' | 'blocked' | 'profile'>): boolean {
  return doctor.kyc.status === 'approved' && !doctor.blocked && doctor.profile !== null;
}
