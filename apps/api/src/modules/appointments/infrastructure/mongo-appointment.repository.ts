import type { Db, Filter } from 'mongodb';
import type { AppointmentRepository } from '../application/ports.ts';
import type { Appointment } from '../domain/appointment.ts';

interface AppointmentDoc extends Omit<Appointment, 'id'> {
  _id: string;
}

const toAppointment = ({ _id, ...rest }: AppointmentDoc): Appointment => ({ id: _id, ...rest });

export function makeMongoAppointmentRepository(db: Db): AppointmentRepository & { ensureIndexes(): Promise<void> } {
  const appointments = db.collection<AppointmentDoc>('appointments');
  return {
    async ensureIndexes() {
      await appointments.createIndex({ patientId: 1, start: 1 }, { name: 'patient_start' });
      await appointments.createIndex({ doctorId: 1, start: 1 }, { name: 'doctor_start' });
      await appointments.createIndex({ status: 1, updatedAt: 1 }, { name: 'status_updated' });
    },
    async insert({ id, ...rest }) {
      await appointments.insertOne({ _id: id, ...rest });
    },
    async findById(id) {
      const doc = await appointments.findOne({ _id: id });
      return doc ? toAppointment(doc) : null;
    },
    async update(before, { id, ...after }) {
      // Matches only the version that was read, which narrows (not closes) the race window;
      // time itself is protected by the claim keys, not by this.
      const result = await appointments.replaceOne({ _id: id, status: before.status, updatedAt: before.updatedAt }, after);
      return result.matchedCount === 1;
    },
    async list({ doctorId, patientId, scope, status, now, skip, limit }) {
      const filter: Filter<AppointmentDoc> = {};
      if (doctorId) filter.doctorId = doctorId;
      if (patientId) filter.patientId = patientId;
      if (scope === 'upcoming') Object.assign(filter, { status: 'confirmed', end: { $gt: now } });
      else filter.$or = [{ status: { $ne: 'confirmed' } }, { end: { $lte: now } }];
      if (status && scope === 'past') filter.status = status;
      const sort = scope === 'upcoming' ? { start: 1 as const, _id: 1 as const } : { start: -1 as const, _id: 1 as const };
      const [docs, total] = await Promise.all([
        appointments.find(filter).sort(sort).skip(skip).limit(limit).toArray(),
        appointments.countDocuments(filter),
      ]);
      return { items: docs.map(toAppointment), total };
    },
    async findChangedSince(since, status) {
      return (await appointments.find({ status, updatedAt: { $gte: since } }).toArray()).map(toAppointment);
    },
  };
}
