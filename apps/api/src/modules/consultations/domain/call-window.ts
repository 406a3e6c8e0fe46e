/**
 * When patient and doctor may meet by video: from 10 minutes before the start
 * until 30 minutes after the end, and only while the appointment is confirmed.
 * Invariant: `isCallOpen` is true exactly when the status is `confirmed` and
 * opensAt <= now <= closesAt.
 */
export const OPENS_BEFORE_MS = 10 * 60_000;
export const CLOSES_AFTER_MS = 30 * 60_000;

export interface CallWindow {
  opensAt: Date;
  closesAt: Date;
}

export interface CallSubject {
  status: string;
  start: Date;
  end: Date;
}

export function callWindow(appointment: Pick<CallSubject, 'start' | 'end'>): CallWindow {
  return {
    opensAt: new Date(appointment.start.getTime() - OPENS_BEFORE_MS),
    closesAt: new Date(appointment.end.getTime() + CLOSES_AFTER_MS),
  };
}

export function isCallOpen(appointment: CallSubject, now: Date): boolean {
  const { opensAt, closesAt } = callWindow(appointment);
  const t = now.getTime();
  return appointment.status === 'confirmed' && t >= opensAt.getTime() && t <= closesAt.getTime();
}
