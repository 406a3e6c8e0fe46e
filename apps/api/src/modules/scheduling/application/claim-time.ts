import { AppError } from '../../../platform/app-error.ts';
import { claimCells, claimId } from '../domain/claim-cells.ts';
import { isSlotOffered } from '../domain/slot-engine.ts';
import type { SchedulingDeps, TimeClaim } from './ports.ts';

const patientOwner = (patientId: string) => `patient:${patientId}`;
const isDoctorClaim = (c: { ownerId: string }) => !c.ownerId.startsWith('patient:');

/**
 * Mirrors claims into the busy index (doctors' cells only). The index is a read
 * model: a failed update never fails the booking or cancel (the claims are the
 * truth); it marks the index incomplete, so listings read the claims until a
 * rebuild.
 */
async function updateBusyIndex(deps: SchedulingDeps, op: 'add' | 'remove', claims: TimeClaim[]) {
  const doctorClaims = claims.filter(isDoctorClaim);
  if (!doctorClaims.length) return;
  try {
    await deps.busyIndex[op](doctorClaims);
  } catch {
    deps.busyIndex.invalidate();
  }
}

/** Deletes what `ids` of the hold still exist (only those carrying `token`, when given), and forgets them in the index. */
async function removeClaims(deps: SchedulingDeps, ids: readonly string[], match: { holdId: string; token?: string | undefined }) {
  await updateBusyIndex(deps, 'remove', await deps.claims.remove(ids, match));
}

/**
 * Books time by inserting one claim per 5-minute cell for the doctor (slot
 * plus buffer) and for the patient (slot only). Unique `_id`s decide races:
 * whoever inserts a cell first has it. `holdId` (the appointment id) groups a
 * booking's claims; `keep` lists the claims the appointment already holds (a
 * reschedule does not fight itself over cells the old and new times share).
 * Every call inserts under a fresh token, and a loser removes exactly what it
 * inserted, never another call's cells. The caller (appointments) has checked
 * that the doctor is listed.
 */
export function makeClaimTime(deps: SchedulingDeps) {
  return async function claimTime(input: {
    doctorId: string;
    patientId: string;
    start: Date;
    holdId: string;
    keep?: readonly string[];
    /** A retry of the same booking (same holdId) may find its own earlier cells: they count as held. */
    retryOfSameHold?: boolean;
  }) {
    const rules = await deps.availability.find(input.doctorId);
    const now = deps.clock.now();
    // The rules decide whether the start is a slot at all; whether it is free is
    // decided by the claim inserts below, so no busy-time read is needed here.
    const slot = rules ? isSlotOffered(rules, input.start, [], now) : null;
    if (!slot || !rules) throw new AppError('SLOT_UNAVAILABLE', 'This time is no longer available. Please pick another slot.');

    const token = deps.newToken();
    const owner = patientOwner(input.patientId);
    const wanted: TimeClaim[] = [
      ...claimCells(slot.start, slot.end, rules.bufferMinutes).map((cell) => ({ ownerId: input.doctorId, cell })),
      ...claimCells(slot.start, slot.end, 0).map((cell) => ({ ownerId: owner, cell })),
    ].map((c) => ({ ...c, id: claimId(c.ownerId, c.cell), holdId: input.holdId, token, createdAt: now }));
    const keep = new Set(input.keep);
    const fresh = wanted.filter((c) => !keep.has(c.id));
    const mine = { holdId: input.holdId, token };
    let result: Awaited<ReturnType<typeof deps.claims.insertAll>>;
    try {
      result = await deps.claims.insertAll(fresh, { adoptSameHold: !!input.retryOfSameHold });
    } catch (error) {
      // Some cells may be in before the failure: give back whatever carries this call's token
      // (if the database lets us; else the reconciler will).
      await removeClaims(
        deps,
        fresh.map((c) => c.id),
        mine,
      ).catch(() => {});
      throw error;
    }
    const { taken, inserted } = result;
    if (taken) {
      await removeClaims(deps, inserted, mine);
      throw new AppError(
        'SLOT_UNAVAILABLE',
        taken.ownerId === owner
          ? 'This time is no longer available, or you already have an appointment then.'
          : 'This time is no longer available. Please pick another slot.',
      );
    }
    const insertedIds = new Set(inserted);
    await updateBusyIndex(
      deps,
      'add',
      fresh.filter((c) => insertedIds.has(c.id)),
    );
    return { slot, claimIds: wanted.map((c) => c.id), inserted, token };
  };
}

export function makeReleaseClaims(deps: SchedulingDeps) {
  /**
   * Frees exactly the given claims of a hold: after a cancel or a reschedule has
   * been committed (the ones no longer held), or to roll back one call's own
   * inserts (with its `token`).
   */
  return async function releaseClaims(input: { holdId: string; ids: readonly string[]; token?: string | undefined }) {
    await removeClaims(deps, input.ids, input);
  };
}

export function makeFindClaimsByHolds(deps: SchedulingDeps) {
  /** Every claim of these holds, with when it was made (for the reconciler). */
  return async function findClaimsByHolds(holdIds: readonly string[]) {
    return (await deps.claims.findByHolds(holdIds)).map((c) => ({ id: c.id, holdId: c.holdId, createdAt: c.createdAt }));
  };
}
