import { calendarFile } from './appointment-mail.ts';
import type { AppointmentsDeps } from './ports.ts';
import { readAppointment, type Reader } from './read-appointment.ts';

export function makeAppointmentCalendar(deps: AppointmentsDeps) {
  /** The appointment's .ics file (it carries the reason: an admin's read is audited like the details). */
  return async function appointmentCalendar(id: string, reader: Reader) {
    return calendarFile(await readAppointment(deps, id, reader), deps.clock.now());
  };
}
