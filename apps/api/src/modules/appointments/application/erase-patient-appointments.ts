import { AppError } from '../../../platform/app-error.ts';
import { CHANGE_TRIES, pauseBeforeRetry } from '../../../platform/retry.ts';
import { cancel } from '../domain/appointment-lifecycle.ts';
import { isUpcoming } from '../domain/appointment.ts';
import { ACCOUNT_DELETED_REASON, withoutPatient } from '../domain/erased-appointment.ts';
import { makeCancelAppointment } from './cancel-appointment.ts';
import { allOfPatient } from './list-patient-appointments.ts';
import type { AppointmentsDeps } from './ports.ts';

/**
 * An account's deletion, for its appointments: each one still upcoming is
 * cancelled through the cancel use case (the doctor is told, the time is
 * free again), as the patient while the cancellation policy allows it and as
 * the platform closer to the start; then every one of them is erased
 * (`withoutPatient`, earlier versions stripped). Safe to repeat: a deletion
 * interrupted halfway is finished by running it again. `only` limits it to
 * some of the patient's appointments.
 */
/** Appointments erased at once. */
const BATCH = 10;

export function makeErasePatientAppointments(deps: AppointmentsDeps) {
  const cancelAppointment = makeCancelAppointment(deps);

  /** Cancels the appointment while it is upcoming; false when it is not this patient's. */
  async function cancelIfUpcoming(id: string, patientId: string): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      const a = await deps.appointments.findById(id);
      if (!a || a.patientId !== patientId) return false;
      const now = deps.clock.now();
      if (!isUpcoming(a, now)) return true;
      const role = cancel(a, 'patient', now).ok ? 'patient' : 'admin';
      try {
        await cancelAppointment(id, { userId: patientId, role }, ACCOUNT_DELETED_REASON);
        return true;
      } catch (error) {
        // Changed meanwhile (a reschedule, the doctor): decide again from the newer version.
        if (!(error instanceof AppError && error.code === 'CONFLICT') || attempt >= CHANGE_TRIES) throw error;
        await pauseBeforeRetry(attempt + 1);
      }
    }
  }

  async function eraseOne(id: string, patientId: string) {
    if (await cancelIfUpcoming(id, patientId)) await deps.appointments.erase(id, withoutPatient);
  }

  return async function erasePatientAppointments(patientId: string, only?: readonly string[]): Promise<void> {
    const ids = only ?? (await allOfPatient(deps, patientId)).map((a) => a.id);
    for (let i = 0; i < ids.length; i += BATCH) {
      await Promise.all(ids.slice(i, i + BATCH).map((id) => eraseOne(id, patientId)));
    }
  };
}

/**
 * Booking that cannot outlive its patient's account: after storing, the
 * patient's account is read again, and an appointment of an account deleted
 * meanwhile is erased at once (and the booking refused). A deletion lists the
 * patient's appointments only after the account is erased, and a booking is
 * listed before it is answered: so either that list held this appointment, or
 * this second read sees the erased account. Nothing is left either way.
 */
export function undoBookingOfErasedPatient<I extends { patientId: string }, O extends { id: string }>(
  deps: AppointmentsDeps,
  erasePatientAppointments: (patientId: string, only: readonly string[]) => Promise<void>,
  book: (input: I) => Promise<O>,
): (input: I) => Promise<O> {
  return async (input) => {
    const booked = await book(input);
    if (await deps.directory.findAccount(input.patientId)) return booked;
    await erasePatientAppointments(input.patientId, [booked.id]);
    throw new AppError('UNAUTHENTICATED', 'This account was deleted.');
  };
}
