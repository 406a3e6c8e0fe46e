import type { SideEffect } from '../../../platform/side-effect.ts';
import type { Appointment } from '../domain/appointment.ts';
import type { AppointmentsDeps } from './ports.ts';

/** What other modules learn of an appointment (messaging opens and closes its pair's conversation by it). */
export interface AppointmentFacts {
  id: string;
  version: number;
  patientId: string;
  doctorId: string;
  status: Appointment['status'];
  start: Date;
  end: Date;
}

export const APPOINTMENT_CHANGED = 'appointment.changed';

const factsOf = (a: Appointment): AppointmentFacts => ({
  id: a.id,
  version: a.version,
  patientId: a.patientId,
  doctorId: a.doctorId,
  status: a.status,
  start: a.start,
  end: a.end,
});

/** The effect every committed version carries: its facts, for the modules that follow appointments. */
export function appointmentChanged(a: Appointment): SideEffect {
  const facts = factsOf(a);
  return { type: APPOINTMENT_CHANGED, payload: { ...facts, start: facts.start.toISOString(), end: facts.end.toISOString() } };
}

/** An appointment's facts by id (no caller check: for modules that check the caller themselves). */
export function makeFindAppointmentFacts(deps: AppointmentsDeps) {
  return async function findAppointmentFacts(id: string): Promise<AppointmentFacts | null> {
    const a = await deps.appointments.findById(id);
    return a && factsOf(a);
  };
}
