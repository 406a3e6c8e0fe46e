import { AppError } from '../../../platform/app-error.ts';
import { cancel, complete, markNoShow, reschedule, type TransitionResult } from '../domain/appointment-lifecycle.ts';
import type { Appointment } from '../domain/appointment.ts';
import { mailInBackground } from './appointment-mail.ts';
import { toAppointmentView } from './appointment-view.ts';
import { loadOwnAppointment, type Caller } from './load-own-appointment.ts';
import type { AppointmentsDeps } from './ports.ts';

function applied(result: TransitionResult) {
  if (!result.ok) throw new AppError(result.code, result.message);
  return result;
}

/** Stores a transition unless someone else changed the appointment first (then 409). */
async function save(deps: AppointmentsDeps, before: Appointment, after: Appointment) {
  if (!(await deps.appointments.update(before, after))) {
    throw new AppError('CONFLICT', 'This appointment was changed by someone else. Reload and try again.');
  }
}

export function makeCancelAppointment(deps: AppointmentsDeps) {
  return async function cancelAppointment(id: string, caller: Caller, reason: string) {
    const { appointment, as } = await loadOwnAppointment(deps, id, caller);
    const now = deps.clock.now();
    const result = applied(cancel(appointment, as, now, undefined, reason));
    const next: Appointment = {
      ...appointment,
      status: result.status,
      sequence: appointment.sequence + 1,
      history: [...appointment.history, result.change],
      updatedAt: now,
    };
    // Status first, then free the time: a crash in between leaves time blocked, never double-booked.
    await save(deps, appointment, next);
    await deps.time.releaseTime(appointment.id);
    mailInBackground(deps, next, 'cancelled', `Reason given: ${reason}`);
    return toAppointmentView(next);
  };
}

export function makeRescheduleAppointment(deps: AppointmentsDeps) {
  return async function rescheduleAppointment(id: string, caller: Caller, start: Date) {
    const { appointment, as } = await loadOwnAppointment(deps, id, caller);
    const now = deps.clock.now();
    const result = applied(reschedule(appointment, as, now, start));
    // Claim the new time before letting go of the old one.
    const { slot, keptIds, previousIds } = await deps.time.claimTime({
      doctorId: appointment.doctorId,
      patientId: appointment.patientId,
      start,
      holdId: appointment.id,
      moving: true,
    });
    const next: Appointment = {
      ...appointment,
      start: slot.start,
      end: slot.end,
      sequence: appointment.sequence + 1,
      history: [...appointment.history, result.change],
      updatedAt: now,
    };
    try {
      await save(deps, appointment, next);
    } catch (error) {
      await deps.time.releaseTime(appointment.id, previousIds); // give back the new cells only
      throw error;
    }
    await deps.time.releaseTime(appointment.id, keptIds);
    mailInBackground(deps, next, 'rescheduled');
    return toAppointmentView(next);
  };
}

export function makeRecordOutcome(deps: AppointmentsDeps) {
  /** The doctor marks a started appointment completed or a no-show. */
  return async function recordOutcome(id: string, caller: Caller, outcome: 'completed' | 'no_show') {
    const { appointment, as } = await loadOwnAppointment(deps, id, caller);
    const now = deps.clock.now();
    const result = applied(outcome === 'completed' ? complete(appointment, as, now) : markNoShow(appointment, as, now));
    const next: Appointment = {
      ...appointment,
      status: result.status,
      history: [...appointment.history, result.change],
      updatedAt: now,
    };
    await save(deps, appointment, next);
    return toAppointmentView(next);
  };
}
