import type { KycStatus } from '@doctime/contracts';
import { kycStatuses } from '@doctime/contracts';
import type { Db, Filter, Sort } from 'mongodb';
import { makeVersionedStore } from '../../../platform/mongo/versioned-store.ts';
import { escapeRegExp } from '../../../platform/mongo/escape-regexp.ts';
import type { Outbox } from '../../../platform/outbox/outbox.ts';
import type { DoctorRepository, DoctorSearch } from '../application/ports.ts';
import type { Doctor } from '../domain/doctor.ts';

/** What is stored: the doctor plus its lower-cased languages, derived on every write for the language filter. */
interface DoctorRecord extends Doctor {
  languagesLower: string[];
}

const toRecord = (doctor: Doctor): DoctorRecord => ({
  ...doctor,
  languagesLower: doctor.profile?.languages.map((l) => l.toLowerCase()) ?? [],
});

const toDoctor = ({ languagesLower: _ll, ...doctor }: DoctorRecord): Doctor => ({
  ...doctor,
  // Development records from before versioning: version 0, so the next change commits version 1.
  version: doctor.version ?? 0,
  kyc: { ...doctor.kyc, history: doctor.kyc.history ?? [] },
});

/** A head document, as search queries see it. */
interface HeadDoc extends Omit<DoctorRecord, 'id'> {
  _id: string;
}

/** The query form of isListed() over the head documents (the block flag is identity's mirror). */
const listedFilter: Filter<HeadDoc> = { 'kyc.status': 'approved', blocked: false, profile: { $ne: null } };

const sorts: Record<DoctorSearch['sort'], Sort> = {
  relevance: { 'profile.experienceYears': -1, name: 1, _id: 1 },
  fee_asc: { 'profile.consultationFee.amount': 1, _id: 1 },
  fee_desc: { 'profile.consultationFee.amount': -1, _id: 1 },
  experience_desc: { 'profile.experienceYears': -1, _id: 1 },
  name_asc: { name: 1, _id: 1 },
};

/**
 * Doctors are versioned records (see makeVersionedStore): every change is
 * committed by inserting `<id>:<version>` into doctors_versions; the head
 * documents in `doctors` serve search and the KYC queue.
 */
export function makeMongoDoctorRepository(db: Db, outbox: Outbox): DoctorRepository & { ensureIndexes(): Promise<void> } {
  const store = makeVersionedStore<DoctorRecord>(db, 'doctors', outbox);
  const doctors = store.heads;
  const fromHead = (doc: unknown) => toDoctor(store.fromHead(doc as never));

  return {
    async ensureIndexes() {
      const listed = { 'kyc.status': 1, blocked: 1 } as const;
      await doctors.createIndex({ ...listed, 'profile.specialtyId': 1 }, { name: 'listed_specialty' });
      await doctors.createIndex({ ...listed, 'profile.consultationFee.amount': 1 }, { name: 'listed_fee' });
      await doctors.createIndex({ ...listed, 'profile.experienceYears': -1 }, { name: 'listed_experience' });
      await doctors.createIndex({ ...listed, languagesLower: 1 }, { name: 'listed_language' });
      await doctors.createIndex({ 'kyc.status': 1, 'kyc.submittedAt': 1 }, { name: 'kyc_queue' });
    },
    async findById(id) {
      const record = await store.findById(id);
      return record ? toDoctor(record) : null;
    },
    create: (doctor) => store.create(toRecord(doctor)),
    save: (next, effects) => store.save(toRecord(next), effects),
    async searchListed(s) {
      const filter: Filter<HeadDoc> = { ...listedFilter };
      if (s.text) {
        // User text is escaped: matched literally, never run as a pattern.
        const pattern = { $regex: escapeRegExp(s.text), $options: 'i' };
        filter.$or = [{ name: pattern }, { specialtyName: pattern }];
      }
      if (s.specialtyId) filter['profile.specialtyId'] = s.specialtyId;
      if (s.language) filter.languagesLower = s.language.toLowerCase();
      if (s.gender) filter['profile.gender'] = s.gender;
      if (s.maxFee !== undefined) filter['profile.consultationFee.amount'] = { $lte: s.maxFee };
      if (s.ids) filter._id = { $in: s.ids };
      const [docs, total] = await Promise.all([
        doctors
          .find(filter as never)
          .sort(sorts[s.sort])
          .skip(s.skip)
          .limit(s.limit)
          .toArray(),
        doctors.countDocuments(filter as never),
      ]);
      return { items: docs.map(fromHead), total };
    },
    async listByKycStatus(status, skip, limit) {
      const filter = { 'kyc.status': status } as never;
      const [docs, total] = await Promise.all([
        doctors.find(filter).sort({ 'kyc.submittedAt': 1, _id: 1 }).skip(skip).limit(limit).toArray(),
        doctors.countDocuments(filter),
      ]);
      return { items: docs.map(fromHead), total };
    },
    async countByKycStatus() {
      const counts = await Promise.all(kycStatuses.map((status) => doctors.countDocuments({ 'kyc.status': status } as never)));
      return Object.fromEntries(kycStatuses.map((s, i) => [s, counts[i]!])) as Record<KycStatus, number>;
    },
  };
}
