import { emptyKyc, type KycRecord } from './kyc.ts';

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
  /** Increases by one with every stored change; only one change can be made from a given version. */
  version: number;
  name: string;
  email: string;
  profile: DoctorProfile | null;
  specialtyName?: string;
  kyc: KycRecord;
  /** A mirror of the identity account's block, for search; identity decides. */
  blocked: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** The record made on first use from the identity account. */
export function newDoctor(account: { id: string; name: string; email: string; blocked: boolean }, at: Date): Doctor {
  return {
    id: account.id,
    version: 1,
    name: account.name,
    email: account.email,
    profile: null,
    kyc: emptyKyc,
    blocked: account.blocked,
    createdAt: at,
    updatedAt: at,
  };
}

/** The next version of `doctor` with `changes` applied. */
function changed(doctor: Doctor, changes: Partial<Omit<Doctor, 'id' | 'version'>>, at: Date): Doctor {
  return { ...doctor, ...changes, version: doctor.version + 1, updatedAt: at };
}

export function withProfile(doctor: Doctor, profile: DoctorProfile, specialtyName: string, at: Date): Doctor {
  return changed(doctor, { profile, specialtyName }, at);
}

export function withKyc(doctor: Doctor, kyc: KycRecord, at: Date): Doctor {
  return changed(doctor, { kyc }, at);
}

/** Sets the block mirror; 'unchanged' when it already says so. */
export function withBlocked(doctor: Doctor, blocked: boolean, at: Date): Doctor | 'unchanged' {
  return doctor.blocked === blocked ? 'unchanged' : changed(doctor, { blocked }, at);
}

/** Patients see a doctor only when KYC is approved, the account unblocked and the profile filled in. */
export function isListed(doctor: Pick<Doctor, 'kyc' | 'blocked' | 'profile'>): boolean {
  return doctor.kyc.status === 'approved' && !doctor.blocked && doctor.profile !== null;
}

/**
 * Listed according to the record and to the account itself: the record's
 * block flag is a mirror that may lag behind identity by a moment, so
 * decisions about one doctor (profile page, slots, booking) also ask identity.
 */
export function isListedNow(doctor: Doctor, account: { blocked: boolean } | null): boolean {
  return account !== null && !account.blocked && isListed(doctor);
}
