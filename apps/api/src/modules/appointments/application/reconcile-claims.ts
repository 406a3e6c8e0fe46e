import type { AppointmentsDeps } from './ports.ts';

const MINUTE_MS = 60_000;
/** How far back a run looks when it is not told where the previous run stopped. */
const DEFAULT_WINDOW_MS = 24 * 60 * MINUTE_MS;

/**
 * Frees time that no appointment holds any more: claims of a booking that
 * crashed before storing its appointment, and cells a committed cancel or
 * reschedule did not get to release. Claims younger than the grace period may
 * belong to a change still under way and are left alone; before freeing
 * anything, the reconciler moves the appointment's version on (or marks a
 * never-created id abandoned), so a change still in flight from the old
 * version can no longer be stored and gives its own cells back.
 *
 * Incremental: a run looks only at claims created, and appointments changed,
 * since `since` (default: a day ago). A caller running it periodically passes
 * the previous run's start minus more than the grace period, so every claim is
 * looked at once it has settled, and the work follows recent activity, not
 * the size of the collections.
 */
export function makeReconcileClaims(deps: AppointmentsDeps, graceMinutes = 5) {
  async function reconcileHold(holdId: string, claims: { id: string; createdAt: Date }[], settled: Date): Promise<number> {
    const old = claims.filter((c) => c.createdAt < settled);
    if (!old.length) return 0;
    let appointment = await deps.appointments.findById(holdId);
    if (!appointment) {
      if (claims.length > old.length) return 0; // a booking still under way
      // Fence the id: once abandoned (now, or by the failed booking itself) it can never be created.
      await deps.appointments.abandon(holdId);
      appointment = await deps.appointments.findById(holdId);
      if (!appointment) {
        await deps.time.releaseClaims({ holdId, ids: old.map((c) => c.id) });
        return old.length;
      }
    }
    const held = new Set(appointment.claimIds);
    const stray = old.filter((c) => !held.has(c.id)).map((c) => c.id);
    if (!stray.length) return 0;
    if ((await deps.appointments.save({ ...appointment, version: appointment.version + 1 }, [])) === 'conflict') return 0;
    await deps.time.releaseClaims({ holdId, ids: stray });
    return stray.length;
  }

  return async function reconcileClaims(since?: Date): Promise<number> {
    const now = deps.clock.now();
    const from = since ?? new Date(now.getTime() - DEFAULT_WINDOW_MS);
    const settled = new Date(now.getTime() - graceMinutes * MINUTE_MS);
    const changed = await deps.appointments.findChangedSince(from);
    const holds = new Set([
      ...(await deps.time.findHoldsCreatedBetween(from, settled)),
      // Only cancels and reschedules release cells.
      ...changed.filter((a) => a.status === 'cancelled' || a.sequence > 0).map((a) => a.id),
    ]);
    const claims = Map.groupBy(await deps.time.findClaimsByHolds([...holds]), (c) => c.holdId);
    let released = 0;
    for (const [holdId, held] of claims) released += await reconcileHold(holdId, held, settled);
    return released;
  };
}
