import type { AppointmentsDeps } from './ports.ts';

const MINUTE_MS = 60_000;

/**
 * Releases time left claimed by a booking that never finished (a crash
 * between claiming and saving the appointment) or by a cancellation that
 * stopped before releasing. Looks back a day; claims younger than a few
 * minutes may belong to a booking still in progress and are left alone.
 */
export function makeReconcileClaims(deps: AppointmentsDeps, graceMinutes = 5) {
  return async function reconcileClaims(): Promise<number> {
    const now = deps.clock.now();
    const dayAgo = new Date(now.getTime() - 24 * 60 * MINUTE_MS);
    const holds = await deps.time.findHoldsCreatedBetween(dayAgo, new Date(now.getTime() - graceMinutes * MINUTE_MS));
    const cancelled = await deps.appointments.findChangedSince(dayAgo, 'cancelled');
    let released = 0;
    for (const holdId of holds) {
      const appointment = await deps.appointments.findById(holdId);
      if (!appointment) {
        await deps.time.releaseTime(holdId);
        released++;
      }
    }
    for (const appointment of cancelled) await deps.time.releaseTime(appointment.id);
    return released + cancelled.length;
  };
}
