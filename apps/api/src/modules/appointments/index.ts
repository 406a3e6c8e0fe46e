import type { Db } from 'mongodb';
import type { AuthGuards } from '../../platform/http/auth.middleware.ts';
import type { Outbox } from '../../platform/outbox/outbox.ts';
import type { FieldCipher } from '../../platform/security/field-cipher.ts';
import type { AppointmentsDeps } from './application/ports.ts';
import { makeAppointmentsUseCases } from './application/use-cases.ts';
import { appointmentsRouter, type AppointmentsLimits } from './http/appointments.routes.ts';
import { makeMongoAppointmentRepository } from './infrastructure/mongo-appointment.repository.ts';
import { makeMongoIdempotencyRepository } from './infrastructure/mongo-idempotency.repository.ts';

/** Wires appointments: booking, lifecycle, calendar files, the orphan-claim reconciler. */
export async function makeAppointmentsModule(
  db: Db,
  outbox: Outbox,
  cipher: FieldCipher,
  adapters: Omit<AppointmentsDeps, 'appointments' | 'idempotency'>,
  guards: AuthGuards,
  limits: AppointmentsLimits,
) {
  const appointments = makeMongoAppointmentRepository(db, outbox, cipher);
  await appointments.ensureIndexes();
  await appointments.backfillLists();
  const idempotency = makeMongoIdempotencyRepository(db);
  await idempotency.ensureIndexes();
  const useCases = makeAppointmentsUseCases({ ...adapters, appointments, idempotency });
  return {
    useCases,
    router: appointmentsRouter(useCases, guards, limits),
    effectHandlers: appointments.effectHandlers,
    protectedStores: appointments.protectedStores,
  };
}
