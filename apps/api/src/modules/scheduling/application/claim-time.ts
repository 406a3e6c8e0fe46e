import { AppError } from '../../../platform/app-error.ts';
import { claimCells, claimId } from '../domain/claim-cells.ts';
import { isSlotOffered } from '../domain/slot-engine.ts';
import type { SchedulingDeps, TimeClaim } from './ports.ts';

const patientOwner = (patientId: string) => `patient:${patientId}`;

/**
 * Books time by inserting one claim per 5-minute cell for the doctor (slot
 * plus buffer) and for the patient (slot only). Unique `_id`s decide races:
 * whoever inserts a cell first has it; the loser removes its own claims.
 * `holdId` (the appointment id) groups one booking's claims; `moving` keeps
 * the cells a reschedule shares with the old time instead of fighting itself.
 */
export function makeClaimTime(deps: SchedulingDeps) {
  return async function claimTime(input: { doctorId: string; patientId: string; start: Date; holdId: string; moving?: boolean }) {
    const doctor = await deps.doctors.findListedDoctor(input.doctorId);
    if (!doctor) throw new AppError('NOT_FOUND', 'No such doctor.');
    const rules = await deps.availability.find(input.doctorId);
    const now = deps.clock.now();
    // The rules decide whether the start is a slot at all; whether it is free is
    // decided by the claim inserts below, so no busy-time read is needed here.
    const slot = rules ? isSlotOffered(rules, input.start, [], now) : null;
    if (!slot || !rules) throw new AppError('SLOT_UNAVAILABLE', 'This time is no longer available. Please pick another slot.');
    const previous = input.moving ? await deps.claims.findByHold(input.holdId) : [];

    const previousIds = new Set(previous.map((c) => c.id));
    const wanted: TimeClaim[] = [
      ...claimCells(slot.start, slot.end, rules.bufferMinutes).map((cell) => ({
        id: claimId(input.doctorId, cell),
        ownerId: input.doctorId,
        cell,
      })),
      ...claimCells(slot.start, slot.end, 0).map((cell) => {
        const owner = patientOwner(input.patientId);
        return { id: claimId(owner, cell), ownerId: owner, cell };
      }),
    ].map((c) => ({ ...c, holdId: input.holdId, createdAt: now }));
    const fresh = wanted.filter((c) => !previousIds.has(c.id));
    if ((await deps.claims.insertAll(fresh)) === 'taken') {
      const patientBusy = fresh.some((c) => c.ownerId === patientOwner(input.patientId));
      throw new AppError(
        'SLOT_UNAVAILABLE',
        patientBusy
          ? 'This time is no longer available, or you already have an appointment then.'
          : 'This time is no longer available. Please pick another slot.',
      );
    }
    await deps.busyIndex.add(
      input.doctorId,
      fresh.filter((c) => c.ownerId === input.doctorId).map((c) => c.cell),
    );
    return { slot, keptIds: new Set(wanted.map((c) => c.id)), previousIds };
  };
}

export function makeReleaseTime(deps: SchedulingDeps) {
  /** Frees a booking's time at once (cancel), or the part a reschedule no longer uses. */
  return async function releaseTime(holdId: string, keepIds?: ReadonlySet<string>) {
    const released = (await deps.claims.findByHold(holdId)).filter((c) => !keepIds?.has(c.id));
    await deps.claims.removeByHold(holdId, keepIds);
    const byOwner = Map.groupBy(
      released.filter((c) => !c.ownerId.startsWith('patient:')),
      (c) => c.ownerId,
    );
    await Promise.all(
      [...byOwner].map(([owner, claims]) =>
        deps.busyIndex.remove(
          owner,
          claims.map((c) => c.cell),
        ),
      ),
    );
  };
}
