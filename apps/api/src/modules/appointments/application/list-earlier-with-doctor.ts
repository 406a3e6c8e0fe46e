import type { Appointment as AppointmentView } from '@doctime/contracts';
import { AppError } from '../../../platform/app-error.ts';
import { toAppointmentView } from './appointment-view.ts';
import { allOfPatient } from './list-patient-appointments.ts';
import { loadOwnAppointment, type Caller } from './load-own-appointment.ts';
import type { AppointmentsDeps } from './ports.ts';

/** At most this many, newest first: the doctor's panel beside a call. */
const EARLIER_LIMIT = 20;

export function makeListEarlierWithDoctor(deps: AppointmentsDeps) {
  /**
   * The patient's appointments with the same doctor that started before this one, newest
   * first: what the doctor looks at beside the call. Its patient and doctor only (an admin
   * has no consultation to run). Reads the patient's own lists, which hold one person's history.
   */
  return async function listEarlierWithDoctor(id: string, caller: Caller): Promise<{ items: AppointmentView[] }> {
    const { appointment, as } = await loadOwnAppointment(deps, id, caller);
    if (as === 'admin') throw new AppError('NOT_FOUND', 'No such appointment.');
    const earlier = (await allOfPatient(deps, appointment.patientId))
      .filter((a) => a.doctorId === appointment.doctorId && a.id !== appointment.id && a.start < appointment.start)
      .sort((a, b) => b.start.getTime() - a.start.getTime())
      .slice(0, EARLIER_LIMIT);
    return { items: earlier.map(toAppointmentView) };
  };
}
