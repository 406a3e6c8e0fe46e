import type { Specialty } from '@doctime/contracts';
import type { SideEffect } from '../../../platform/side-effect.ts';
import type { Doctor, DoctorProfile } from '../domain/doctor.ts';
import type { KycRecord } from '../domain/kyc.ts';

export interface DoctorSearch {
  text?: string | undefined;
  specialtyId?: string | undefined;
  language?: string | undefined;
  gender?: DoctorProfile['gender'] | undefined;
  maxFee?: number | undefined;
  /** When set, only these doctor ids (e.g. the ones free on a date). */
  ids?: string[] | undefined;
  sort: 'relevance' | 'fee_asc' | 'fee_desc' | 'experience_desc' | 'name_asc';
  skip: number;
  limit: number;
}

/**
 * Doctors are versioned records: a change is committed only if no other
 * change was committed from the same version (the loser gets 'conflict' and
 * re-reads). Side effects are delivered only once their change is committed.
 */
export interface DoctorRepository {
  findById(id: string): Promise<Doctor | null>;
  /** Version 1; 'conflict' when the record already exists. */
  create(doctor: Doctor): Promise<'ok' | 'conflict'>;
  /** Commits `next` (one version above the stored one), or 'conflict' when another change came first. */
  save(next: Doctor, effects: SideEffect[]): Promise<'ok' | 'conflict'>;
  searchListed(search: DoctorSearch): Promise<{ items: Doctor[]; total: number }>;
  listByKycStatus(status: KycRecord['status'], skip: number, limit: number): Promise<{ items: Doctor[]; total: number }>;
  countByKycStatus(): Promise<Record<KycRecord['status'], number>>;
  /** Every doctor whose KYC submission carries this registration number (compared by its blind index). */
  findByRegistration(registrationNumber: string): Promise<Doctor[]>;
}

export interface SpecialtyRepository {
  seed(items: Specialty[]): Promise<void>;
  list(): Promise<Specialty[]>;
  findById(id: string): Promise<Specialty | null>;
}

/** What doctors need from identity, which decides whether an account is blocked. */
export interface UserDirectory {
  findById(id: string): Promise<{ id: string; name: string; email: string; role: string; blocked: boolean } | null>;
}

/** What doctors need from files. */
export interface FileAccess {
  attachFile(input: { fileId: string; ownerId: string; purpose: 'kyc-document' | 'avatar'; field: string }): Promise<unknown>;
  getFileUrl(fileId: string): Promise<{ fileId: string; url: string; contentType: string; expiresAt: string } | null>;
}

/** What doctors need from scheduling: who has a free slot on a date. */
export interface AvailabilityLookup {
  doctorsAvailableOn(date: string, timeZone: string): Promise<string[]>;
}

export interface DoctorsDeps {
  doctors: DoctorRepository;
  specialties: SpecialtyRepository;
  users: UserDirectory;
  files: FileAccess;
  availability: AvailabilityLookup;
  clock: { now(): Date };
}
