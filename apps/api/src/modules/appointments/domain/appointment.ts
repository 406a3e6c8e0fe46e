import { CANCELLATION_POLICY_HOURS, type AppointmentStatus, type StatusChange } from './appointment-lifecycle.ts';

export interface Appointment {
  id: string;
  doctorId: string;
  patientId: string;
  start: Date;
  end: Date;
  status: AppointmentStatus;
  reason?: string;
  /** Names and addresses as they were at booking: mails and lists need no other module. */
  doctor: { name: string; email: string; specialty?: string; timeZone: string };
  patient: { name: string; email: string; timeZone?: string };
  /** Increases on every change, so calendar clients replace the earlier invite. */
  sequence: number;
  /** Increases by one with every stored change; only one change can be made from a given version. */
  version: number;
  /** The time claims this appointment holds (none once it is cancelled). */
  claimIds: string[];
  history: StatusChange[];
  createdAt: Date;
  updatedAt: Date;
}

/** What a list shows of an appointment: no claims, addresses or change counters. */
export type ListedAppointment = Omit<Appointment, 'claimIds' | 'sequence' | 'updatedAt' | 'doctor' | 'patient'> & {
  doctor: Omit<Appointment['doctor'], 'email'>;
  patient: Pick<Appointment['patient'], 'name'>;
};

export function listedAppointment(a: Appointment): ListedAppointment {
  const { claimIds: _c, sequence: _s, updatedAt: _u, doctor, patient, ...rest } = a;
  const { email: _e, ...doctorShown } = doctor;
  return { ...rest, doctor: doctorShown, patient: { name: patient.name } };
}

export type Participant = 'patient' | 'doctor' | 'admin';

/** How the caller relates to the appointment; null means "not theirs" (answered as 404). */
export function participantOf(appt: Appointment, caller: { userId: string; role: string }): Participant | null {
  if (caller.role === 'admin') return 'admin';
  if (caller.role === 'patient' && appt.patientId === caller.userId) return 'patient';
  if (caller.role === 'doctor' && appt.doctorId === caller.userId) return 'doctor';
  return null;
}

/** The last instant patients and doctors may cancel or reschedule. */
export function changeableUntil(appt: Pick<Appointment, 'start'>, policyHours = CANCELLATION_POLICY_HOURS): Date {
  return new Date(appt.start.getTime() - policyHours * 3_600_000);
}

/** Upcoming = still confirmed and not yet over; everything else is past. */
export function isUpcoming(appt: Pick<Appointment, 'status' | 'end'>, now: Date): boolean {
  return appt.status === 'confirmed' && appt.end.getTime() > now.getTime();
}
