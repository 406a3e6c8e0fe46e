import type { Specialty } from '@doctime/contracts';
import type { Doctor, DoctorProfile } from '../domain/doctor.ts';
import type { KycEvent, KycRecord } from '../domain/kyc.ts';

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

export interface DoctorRepository {
  findById(id: string): Promise<Doctor | null>;
  /** Creates the record on first use (insert-or-ignore on `_id`). */
  ensure(doctor: Doctor): Promise<void>;
  saveProfile(id: string, profile: DoctorProfile, specialtyName: string, at: Date): Promise<void>;
  /** Writes the KYC record only while the stored one is still `expectedSubmission`. */
  saveKyc(id: string, kyc: KycRecord, expectedSubmission: number, at: Date): Promise<void>;
  setBlocked(id: string, blocked: boolean, at: Date): Promise<void>;
  searchListed(search: DoctorSearch): Promise<{ items: Doctor[]; total: number }>;
  listByKycStatus(status: KycRecord['status'], skip: number, limit: number): Promise<{ items: Doctor[]; total: number }>;
  countByKycStatus(): Promise<Record<KycRecord['status'], number>>;
}

export interface KycEventRepository {
  /** Inserts the event with a unique id; 'duplicate' when that transition was already recorded. */
  insert(id: string, event: KycEvent): Promise<'ok' | 'duplicate'>;
  listForDoctor(doctorId: string): Promise<KycEvent[]>;
}

export interface SpecialtyRepository {
  seed(items: Specialty[]): Promise<void>;
  list(): Promise<Specialty[]>;
  findById(id: string): Promise<Specialty | null>;
}

/** What doctors need from identity. */
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
  kycEvents: KycEventRepository;
  specialties: SpecialtyRepository;
  users: UserDirectory;
  files: FileAccess;
  availability: AvailabilityLookup;
  mailer: { send(mail: { to: string; subject: string; text: string }): Promise<void> };
  clock: { now(): Date };
}
