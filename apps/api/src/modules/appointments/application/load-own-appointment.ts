import { AppError } from '../../../platform/app-error.ts';
import { participantOf, type Appointment, type Participant } from '../domain/appointment.ts';
import type { AppointmentsDeps } from './ports.ts';

export interface Caller {
  userId: string;
  role: string;
}

/** The appointment and the caller's part in it; 404 for anyone else, so ids cannot be probed. */
export async function loadOwnAppointment(
  deps: AppointmentsDeps,
  id: string,
  caller: Caller,
): Promise<{ appointment: Appointment; as: Participant }> {
  const appointment = await deps.appointments.findById(id);
  const as = appointment ? participantOf(appointment, caller) : null;
  if (!appointment || !as) throw new AppError('NOT_FOUND', 'No such appointment.');
  return { appointment, as };
}
