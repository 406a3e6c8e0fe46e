import type { KycStatus } from '@doctime/contracts';
import { kycStatuses } from '@doctime/contracts';
import type { Db, Filter, Sort } from 'mongodb';
import { insertOrFail } from '../../../platform/mongo/mongo.ts';
import { escapeRegExp } from '../../../platform/mongo/escape-regexp.ts';
import type { DoctorRepository, DoctorSearch } from '../application/ports.ts';
import type { Doctor } from '../domain/doctor.ts';

interface DoctorDoc extends Omit<Doctor, 'id'> {
  _id: string;
  languagesLower: string[];
}

const toDoctor = ({ _id, languagesLower: _ll, ...rest }: DoctorDoc): Doctor => ({ id: _id, ...rest });

/** The query form of isListed(): every write sets only its own fields, so no derived flag can go stale. */
const listedFilter: Filter<DoctorDoc> = { 'kyc.status': 'approved', blocked: false, profile: { $ne: null } };

const sorts: Record<DoctorSearch['sort'], Sort> = {
  relevance: { 'profile.experienceYears': -1, name: 1, _id: 1 },
  fee_asc: { 'profile.consultationFee.amount': 1, _id: 1 },
  fee_desc: { 'profile.consultationFee.amount': -1, _id: 1 },
  experience_desc: { 'profile.experienceYears': -1, _id: 1 },
  name_asc: { name: 1, _id: 1 },
};

export function makeMongoDoctorRepository(db: Db): DoctorRepository & { ensureIndexes(): Promise<void> } {
  const doctors = db.collection<DoctorDoc>('doctors');

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
      const doc = await doctors.findOne({ _id: id });
      return doc ? toDoctor(doc) : null;
    },
    async ensure({ id, ...rest }) {
      await insertOrFail(doctors, { _id: id, ...rest, languagesLower: [] }); // a duplicate means it exists: fine
    },
    async saveProfile(id, profile, specialtyName, at) {
      const languagesLower = profile.languages.map((l) => l.toLowerCase());
      await doctors.updateOne({ _id: id }, { $set: { profile, specialtyName, languagesLower, updatedAt: at } });
    },
    async saveKyc(id, kyc, expectedSubmission, at) {
      // Only over the submission the decision was about; a newer submission wins.
      await doctors.updateOne({ _id: id, 'kyc.submission': expectedSubmission }, { $set: { kyc, updatedAt: at } });
    },
    async setBlocked(id, blocked, at) {
      await doctors.updateOne({ _id: id }, { $set: { blocked, updatedAt: at } });
    },
    async searchListed(s) {
      const filter: Filter<DoctorDoc> = { ...listedFilter };
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
        doctors.find(filter).sort(sorts[s.sort]).skip(s.skip).limit(s.limit).toArray(),
        doctors.countDocuments(filter),
      ]);
      return { items: docs.map(toDoctor), total };
    },
    async listByKycStatus(status, skip, limit) {
      const filter = { 'kyc.status': status };
      const [docs, total] = await Promise.all([
        doctors.find(filter).sort({ 'kyc.submittedAt': 1, _id: 1 }).skip(skip).limit(limit).toArray(),
        doctors.countDocuments(filter),
      ]);
      return { items: docs.map(toDoctor), total };
    },
    async countByKycStatus() {
      const counts = await Promise.all(kycStatuses.map((status) => doctors.countDocuments({ 'kyc.status': status })));
      return Object.fromEntries(kycStatuses.map((s, i) => [s, counts[i]!])) as Record<KycStatus, number>;
    },
  };
}
