/**
 * Appointment status rules, free of I/O: who may move an appointment to which
 * status, and when. Callers still check that the actor is this appointment's
 * patient or doctor; these rules only know the actor's role.
 */

/** `pending_payment` is reserved for when payments arrive; nothing enters it yet. */
export const appointmentStatuses = ['pending_payment', 'confirmed', 'cancelled', 'completed', 'no_show'] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];

export type Actor = 'patient' | 'doctor' | 'admin';

/** Patients and doctors may cancel or reschedule only this long before the start. */
export const CANCELLATION_POLICY_HOURS = 4;

export interface StatusChange {
  from: AppointmentStatus;
  to: AppointmentStatus;
  by: Actor;
  at: Date;
  reason?: string;
}

/** What the rules need to know about an appointment. */
export interface LifecycleSubject {
  status: AppointmentStatus;
  start: Date;
}

export type TransitionResult =
  { ok: true; status: AppointmentStatus; change: StatusChange } | { ok: false; code: 'CONFLICT' | 'FORBIDDEN'; message: string };

const HOUR_MS = 60 * 60 * 1000;

const statusWords: Record<AppointmentStatus, string> = {
  pending_payment: 'waiting for payment',
  confirmed: 'confirmed',
  cancelled: 'cancelled',
  completed: 'completed',
  no_show: 'marked as a no-show',
};

const forbidden = (message: string): TransitionResult => ({ ok: false, code: 'FORBIDDEN', message });
const conflict = (message: string): TransitionResult => ({ ok: false, code: 'CONFLICT', message });

function moved(appt: LifecycleSubject, to: AppointmentStatus, by: Actor, at: Date, reason?: string): TransitionResult {
  const change: StatusChange = { from: appt.status, to, by, at, ...(reason ? { reason } : {}) };
  return { ok: true, status: to, change };
}

function notConfirmed(appt: LifecycleSubject): TransitionResult | null {
  return appt.status === 'confirmed'
    ? null
    : conflict(`This appointment is ${statusWords[appt.status]}, so it cannot be changed`);
}

/** True while there are still at least `policyHours` before the start. */
function insidePolicyWindow(appt: LifecycleSubject, now: Date, policyHours: number): boolean {
  return appt.start.getTime() - now.getTime() >= policyHours * HOUR_MS;
}

const hoursText = (h: number) => `${h} hour${h === 1 ? '' : 's'}`;

/**
 * Patients and doctors may cancel a confirmed appointment up to `policyHours`
 * before it starts; admins at any time (e.g. to resolve a dispute).
 */
export function cancel(
  appt: LifecycleSubject,
  by: Actor,
  now: Date,
  policyHours = CANCELLATION_POLICY_HOURS,
  reason?: string,
): TransitionResult {
  const blocked = notConfirmed(appt);
  if (blocked) return blocked;
  if (by !== 'admin' && !insidePolicyWindow(appt, now, policyHours)) {
    return conflict(`Appointments can be cancelled up to ${hoursText(policyHours)} before the start`);
  }
  return moved(appt, 'cancelled', by, now, reason);
}

/**
 * Only the patient moves an appointment, within the same window as
 * cancelling. The status stays `confirmed`; the change records the move.
 * Whether `newStart` is an offered slot is the slot engine's question.
 */
export function reschedule(
  appt: LifecycleSubject,
  by: Actor,
  now: Date,
  newStart: Date,
  policyHours = CANCELLATION_POLICY_HOURS,
): TransitionResult {
  if (by !== 'patient') return forbidden('Only the patient can reschedule an appointment');
  const blocked = notConfirmed(appt);
  if (blocked) return blocked;
  if (!insidePolicyWindow(appt, now, policyHours)) {
    return conflict(`Appointments can be rescheduled up to ${hoursText(policyHours)} before the start`);
  }
  if (newStart.getTime() === appt.start.getTime()) return conflict('Choose a different time');
  return moved(appt, 'confirmed', by, now, `Moved from ${appt.start.toISOString()} to ${newStart.toISOString()}`);
}

const closeMessages = {
  completed: {
    forbidden: 'Only the doctor can mark an appointment completed',
    early: 'An appointment can be marked completed only after it starts',
  },
  no_show: {
    forbidden: 'Only the doctor can mark a no-show',
    early: 'A no-show can be marked only after the appointment starts',
  },
};

/** The doctor closes a confirmed appointment once its start time has come. */
function closeByDoctor(appt: LifecycleSubject, by: Actor, now: Date, to: 'completed' | 'no_show'): TransitionResult {
  if (by !== 'doctor') return forbidden(closeMessages[to].forbidden);
  const blocked = notConfirmed(appt);
  if (blocked) return blocked;
  if (now.getTime() < appt.start.getTime()) return conflict(closeMessages[to].early);
  return moved(appt, to, by, now);
}

export function complete(appt: LifecycleSubject, by: Actor, now: Date): TransitionResult {
  return closeByDoctor(appt, by, now, 'completed');
}

export function markNoShow(appt: LifecycleSubject, by: Actor, now: Date): TransitionResult {
  return closeByDoctor(appt, by, now, 'no_show');
}
