import { makeAppointmentCalendar } from './appointment-calendar.ts';
import { makeFindAppointmentFacts } from './appointment-changed.ts';
import { makeBookAppointment } from './book-appointment.ts';
import { makeCancelAppointment } from './cancel-appointment.ts';
import { makeErasePatientAppointments, undoBookingOfErasedPatient } from './erase-patient-appointments.ts';
import { makeGetAppointment } from './get-appointment.ts';
import { makeListAppointments } from './list-appointments.ts';
import { makeListEarlierWithDoctor } from './list-earlier-with-doctor.ts';
import { makeListPatientAppointments } from './list-patient-appointments.ts';
import type { AppointmentsDeps } from './ports.ts';
import { makeReconcileClaims } from './reconcile-claims.ts';
import { makeRecordOutcome } from './record-outcome.ts';
import { makeRescheduleAppointment } from './reschedule-appointment.ts';

export function makeAppointmentsUseCases(deps: AppointmentsDeps) {
  const erasePatientAppointments = makeErasePatientAppointments(deps);
  return {
    bookAppointment: undoBookingOfErasedPatient(deps, erasePatientAppointments, makeBookAppointment(deps)),
    cancelAppointment: makeCancelAppointment(deps),
    rescheduleAppointment: makeRescheduleAppointment(deps),
    recordOutcome: makeRecordOutcome(deps),
    listAppointments: makeListAppointments(deps),
    getAppointment: makeGetAppointment(deps),
    listEarlierWithDoctor: makeListEarlierWithDoctor(deps),
    /** For modules that follow appointments (messaging): no caller check, they check their own. */
    findAppointmentFacts: makeFindAppointmentFacts(deps),
    appointmentCalendar: makeAppointmentCalendar(deps),
    reconcileClaims: makeReconcileClaims(deps),
    /** A patient's data export and account deletion. */
    listPatientAppointments: makeListPatientAppointments(deps),
    erasePatientAppointments,
    /** Idempotency keys older than a day are no longer needed: clients retry within minutes. */
    purgeIdempotencyKeys: () => deps.idempotency.purgeBefore(new Date(deps.clock.now().getTime() - 86_400_000)),
  };
}
export type AppointmentsUseCases = ReturnType<typeof makeAppointmentsUseCases>;
