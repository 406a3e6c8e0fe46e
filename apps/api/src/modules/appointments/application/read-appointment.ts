import type { Appointment } from '../domain/appointment.ts';
import { loadOwnAppointment, type Caller } from './load-own-appointment.ts';
import type { AppointmentsDeps } from './ports.ts';

/** Who reads, and from where (the address an admin's read is audited with). */
export interface Reader extends Caller {
  ip?: string | undefined;
}

/**
 * An appointment to show its patient, its doctor or an admin (404 for anyone
 * else). An admin reads someone else's health data: the read is audited first,
 * and when that cannot be recorded nothing is shown. Participants' own reads
 * are not audited.
 */
export async function readAppointment(deps: AppointmentsDeps, id: string, reader: Reader): Promise<Appointment> {
  const { appointment, as } = await loadOwnAppointment(deps, id, reader);
  if (as === 'admin') {
    await deps.accessAudit.recordAdminRead(
      { userId: reader.userId, ip: reader.ip },
      { action: 'appointment.view', targetId: appointment.id },
    );
  }
  return appointment;
}
