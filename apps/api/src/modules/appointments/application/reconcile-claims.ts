import type { AppointmentsDeps } from './ports.ts';

const MINUTE_MS = 60_000;

/**
 * Frees time that no appointment holds any more: claims of a booking that
 * crashed before storing its appointment, and cells a committed cancel or
 * reschedule did not get to release. Claims younger than the grace period may
 * belong to a change still under way and are left alone; before freeing
 * anything, the reconciler moves the appointment's version on (or marks a
 * never-created id abandoned), so a change still in flight from the old
 * version can no longer be stored and gives its own cells back.
 */
export function makeReconcileClaims(deps: AppointmentsDeps, graceMinutes = 5) {
  async function reconcileHold(holdId: string, claims: { id: string; createdAt: Date }[], settled: Date): Promise<number> {
    const old = claims.filter((c) => c.createdAt < settled);
    if (!old.length) return 0;
    let appointment = await deps.appointments.findById(holdId);
    if (!appointment) {
      if (claims.length > old.length) return 0; // a booking still under way
      if ((await deps.appointments.abandon(holdId)) === 'ok') {
        await deps.time.releaseClaims({ holdId, ids: old.map((c) => c.id) });
        return old.length;
      }
      appointment = await deps.appointments.findById(holdId);
      if (!appointment) return 0;
    }
    const held = new Set(appointment.claimIds);
    const stray = old.filter((c) => !held.has(c.id)).map((c) => c.id);
    if (!stray.length) return 0;
    if ((await deps.appointments.save({ ...appointment, version: appointment.version + 1 }, [])) === 'conflict') return 0;
    await deps.time.releaseClaims({ holdId, ids: stray });
    return stray.length;
  }

  return async function reconcileClaims(): Promise<number> {
    const now = deps.clock.now();
    const dayAgo = new Date(now.getTime() - 24 * 60 * MINUTE_MS);
    const settled = new Date(now.getTime() - graceMinutes * MINUTE_MS);
    const changed = await deps.appointments.findChangedSince(dayAgo);
    const holds = new Set([
      ...(await deps.time.findHoldsCreatedBetween(dayAgo, settled)),
      // Only cancels and reschedules release cells.
      ...changed.filter((a) => a.status === 'cancelled' || a.sequence > 0).map((a) => a.id),
    ]);
    const claims = Map.groupBy(await deps.time.findClaimsByHolds([...holds]), (c) => c.holdId);
    let released = 0;
    for (const [holdId, held] of claims) released += await reconcileHold(holdId, held, settled);
    return released;
  };
}
