import type { Db, Filter } from 'mongodb';
import type { Outbox } from '../../../platform/outbox/outbox.ts';
import { makeVersionedStore } from '../../../platform/mongo/versioned-store.ts';
import type { AppointmentRepository } from '../application/ports.ts';
import type { Appointment } from '../domain/appointment.ts';

/** Appointments are versioned records: every change is committed by inserting `<id>:<version>`. */
export function makeMongoAppointmentRepository(
  db: Db,
  outbox: Outbox,
): AppointmentRepository & { ensureIndexes(): Promise<void> } {
  const store = makeVersionedStore<Appointment>(db, 'appointments', outbox);
  const appointments = store.heads;
  return {
    async ensureIndexes() {
      await appointments.createIndex({ patientId: 1, start: 1 }, { name: 'patient_start' });
      await appointments.createIndex({ doctorId: 1, start: 1 }, { name: 'doctor_start' });
      await appointments.createIndex({ updatedAt: 1 }, { name: 'updated' });
    },
    create: (appointment, effects) => store.create(appointment, effects),
    findById: (id) => store.findById(id),
    save: (next, effects) => store.save(next, effects),
    abandon: (id) => store.abandon(id),
    async list({ doctorId, patientId, scope, status, now, skip, limit }) {
      const filter: Filter<Appointment> = {};
      if (doctorId) filter.doctorId = doctorId;
      if (patientId) filter.patientId = patientId;
      if (scope === 'upcoming') Object.assign(filter, { status: 'confirmed', end: { $gt: now } });
      else filter.$or = [{ status: { $ne: 'confirmed' } }, { end: { $lte: now } }];
      if (status && scope === 'past') filter.status = status;
      const sort = scope === 'upcoming' ? { start: 1 as const, _id: 1 as const } : { start: -1 as const, _id: 1 as const };
      const [docs, total] = await Promise.all([
        appointments
          .find(filter as never)
          .sort(sort)
          .skip(skip)
          .limit(limit)
          .toArray(),
        appointments.countDocuments(filter as never),
      ]);
      return { items: docs.map(store.fromHead), total };
    },
    async findChangedSince(since) {
      return (await appointments.find({ updatedAt: { $gte: since } } as never).toArray()).map(store.fromHead);
    },
  };
}
