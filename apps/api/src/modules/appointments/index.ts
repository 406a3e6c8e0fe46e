import type { Db } from 'mongodb';
import type { AuthGuards } from '../../platform/http/auth.middleware.ts';
import type { EffectHandler, Outbox } from '../../platform/outbox/outbox.ts';
import type { ScheduledEffects } from '../../platform/outbox/scheduled-effects.ts';
import type { FieldCipher } from '../../platform/security/field-cipher.ts';
import { makeAppointmentReminders, REMINDER, SCHEDULE_REMINDERS } from './application/appointment-reminders.ts';
import type { AppointmentsDeps } from './application/ports.ts';
import { makeAppointmentsUseCases } from './application/use-cases.ts';
import { appointmentsRouter, type AppointmentsLimits } from './http/appointments.routes.ts';
import { makeMongoAppointmentRepository } from './infrastructure/mongo-appointment.repository.ts';
import { makeMongoIdempotencyRepository } from './infrastructure/mongo-idempotency.repository.ts';

/** Wires appointments: booking, lifecycle, calendar files, reminders, the orphan-claim reconciler. */
export async function makeAppointmentsModule(
  db: Db,
  outbox: Outbox,
  cipher: FieldCipher,
  adapters: Omit<AppointmentsDeps, 'appointments' | 'idempotency'>,
  guards: AuthGuards,
  limits: AppointmentsLimits,
  /** Reminders are items of the scheduled-effects wheel; their e-mails link to the web app. */
  reminders: { scheduler: ScheduledEffects; webOrigin: string },
) {
  const appointments = makeMongoAppointmentRepository(db, outbox, cipher);
  await appointments.ensureIndexes();
  await appointments.backfillLists();
  const idempotency = makeMongoIdempotencyRepository(db);
  await idempotency.ensureIndexes();
  const useCases = makeAppointmentsUseCases({ ...adapters, appointments, idempotency });
  const reminding = makeAppointmentReminders({ appointments, clock: adapters.clock, ...reminders });
  reminders.scheduler.register(REMINDER, reminding.remind);
  return {
    useCases,
    router: appointmentsRouter(useCases, guards, limits),
    effectHandlers: {
      ...appointments.effectHandlers,
      [SCHEDULE_REMINDERS]: reminding.scheduleReminders,
    } as Record<string, EffectHandler>,
    protectedStores: appointments.protectedStores,
  };
}
