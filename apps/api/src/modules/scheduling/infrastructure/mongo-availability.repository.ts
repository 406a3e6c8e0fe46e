import type { Db } from 'mongodb';
import type { AvailabilityRepository } from '../application/ports.ts';
import type { AvailabilityRules } from '../domain/availability-rules.ts';

interface AvailabilityDoc {
  _id: string;
  rules: AvailabilityRules;
  updatedAt: Date;
}

export function makeMongoAvailabilityRepository(db: Db): AvailabilityRepository {
  const availability = db.collection<AvailabilityDoc>('availability');
  return {
    async save(doctorId, rules, at) {
      // One document per doctor; last write wins, and bookings live elsewhere, untouched.
      await availability.replaceOne({ _id: doctorId }, { rules, updatedAt: at }, { upsert: true });
    },
    async find(doctorId) {
      return (await availability.findOne({ _id: doctorId }))?.rules ?? null;
    },
    async listAll() {
      return (await availability.find().toArray()).map((d) => ({ doctorId: d._id, rules: d.rules }));
    },
  };
}
