/** What messaging knows of one appointment of a patient-doctor pair (its newest version seen). */
export interface PairAppointment {
  version: number;
  status: 'pending_payment' | 'confirmed' | 'cancelled' | 'completed' | 'no_show';
  start: Date;
  end: Date;
}

/** Posting stays open this long after the pair's last completed consultation. */
export const FOLLOW_UP_DAYS = 14;
const DAY_MS = 86_400_000;

export type PostingWindow = { canPost: true; openUntil?: Date } | { canPost: false; reason: string; closedAt?: Date };

/**
 * Whether a patient and a doctor may write to each other now: from booking
 * (an appointment that is booked and not yet over) until FOLLOW_UP_DAYS after
 * their last completed consultation. Cancelled and missed appointments open
 * nothing; with no appointment at all the conversation is closed.
 */
export function postingWindow(appointments: readonly PairAppointment[], now: Date): PostingWindow {
  if (appointments.some((a) => a.status === 'confirmed' || a.status === 'pending_payment')) return { canPost: true };
  const lastCompleted = appointments
    .filter((a) => a.status === 'completed')
    .reduce<Date | undefined>((last, a) => (!last || a.end > last ? a.end : last), undefined);
  if (lastCompleted) {
    const until = new Date(lastCompleted.getTime() + FOLLOW_UP_DAYS * DAY_MS);
    if (now < until) return { canPost: true, openUntil: until };
    return {
      canPost: false,
      closedAt: until,
      reason: `Messaging closed ${FOLLOW_UP_DAYS} days after your last consultation. Book a new appointment to write again.`,
    };
  }
  return {
    canPost: false,
    reason: appointments.some((a) => a.status === 'no_show')
      ? 'The consultation did not take place. Book a new appointment to write again.'
      : 'The appointment was cancelled. Book a new appointment to write again.',
  };
}

/** The pair's appointments as messaging folds them in: the highest version of each wins, in any order. */
export interface PairState {
  appointments: Record<string, { version: number; status: PairAppointment['status']; start: string; end: string }>;
}
export interface PairChange {
  appointmentId: string;
  version: number;
  status: PairAppointment['status'];
  start: string;
  end: string;
}
export const pairFold = {
  empty: (): PairState => ({ appointments: {} }),
  apply(state: PairState, change: PairChange): PairState {
    const known = state.appointments[change.appointmentId];
    if (known && known.version >= change.version) return state;
    const { appointmentId, ...fact } = change;
    return { appointments: { ...state.appointments, [appointmentId]: fact } };
  },
};
export const isNewer = (state: PairState, change: PairChange) =>
  (state.appointments[change.appointmentId]?.version ?? 0) < change.version;
export const pairAppointments = (state: PairState): PairAppointment[] =>
  Object.values(state.appointments).map((a) => ({ ...a, start: new Date(a.start), end: new Date(a.end) }));
