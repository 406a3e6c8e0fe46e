import type { Side } from './attendance.ts';

/** Who is in an appointment's call. */
export interface CallParticipants {
  patientId: string;
  doctorId: string;
}

/**
 * The caller's side of the appointment; null for anyone else. Admins have no side: a
 * consultation is between its patient and its doctor (health data), so an admin is refused too.
 */
export function sideOf(appointment: CallParticipants, caller: { userId: string; role: string }): Side | null {
  if (caller.role === 'patient' && appointment.patientId === caller.userId) return 'patient';
  if (caller.role === 'doctor' && appointment.doctorId === caller.userId) return 'doctor';
  return null;
}

/** The other side of the call, and who that is. */
export function otherSide(appointment: CallParticipants, side: Side): { side: Side; userId: string } {
  return side === 'patient'
    ? { side: 'doctor', userId: appointment.doctorId }
    : { side: 'patient', userId: appointment.patientId };
}
