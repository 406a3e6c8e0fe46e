import type { Appointment as AppointmentView } from '@doctime/contracts';
import type { ListedAppointment } from '../domain/appointment.ts';
import { toAppointmentView } from './appointment-view.ts';
import type { AppointmentsDeps } from './ports.ts';

const PAGE = 100;

/** Every appointment of the patient, upcoming then past, each once: page after page of their lists. */
export async function allOfPatient(deps: AppointmentsDeps, patientId: string): Promise<ListedAppointment[]> {
  const now = deps.clock.now();
  const found = new Map<string, ListedAppointment>();
  for (const scope of ['upcoming', 'past'] as const) {
    for (let skip = 0; ; skip += PAGE) {
      const { items, total } = await deps.appointments.list({ patientId, scope, now, skip, limit: PAGE });
      for (const a of items) found.set(a.id, a);
      if (!items.length || skip + PAGE >= total) break;
    }
  }
  return [...found.values()];
}

/** The patient's whole appointment history, as they see it (their data export). */
export function makeListPatientAppointments(deps: AppointmentsDeps) {
  return async function listPatientAppointments(patientId: string): Promise<AppointmentView[]> {
    return (await allOfPatient(deps, patientId)).map(toAppointmentView);
  };
}
