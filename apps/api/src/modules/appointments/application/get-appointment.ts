import { toAppointmentView } from './appointment-view.ts';
import type { AppointmentsDeps } from './ports.ts';
import { readAppointment, type Reader } from './read-appointment.ts';

export function makeGetAppointment(deps: AppointmentsDeps) {
  /** One appointment, with its consultation, for its patient, its doctor, or an admin (whose read is audited). */
  return async function getAppointment(id: string, reader: Reader) {
    const appointment = await readAppointment(deps, id, reader);
    const consultation = await deps.consultations.consultationRecord(appointment);
    return { ...toAppointmentView(appointment), consultation };
  };
}
