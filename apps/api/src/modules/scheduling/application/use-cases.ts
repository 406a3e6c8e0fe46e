import { makeGetAvailability, makeSetAvailability } from './availability.ts';
import { rebuildBusyIndex } from './busy-time.ts';
import { makeClaimTime, makeFindClaimsByHolds, makeReleaseClaims } from './claim-time.ts';
import { makeDoctorsAvailableOn } from './doctors-available-on.ts';
import { makeListSlots, makePreviewSlots } from './list-slots.ts';
import type { SchedulingDeps } from './ports.ts';
import { makePurgePastClaims } from './purge-past-claims.ts';

export function makeSchedulingUseCases(deps: SchedulingDeps) {
  return {
    setAvailability: makeSetAvailability(deps),
    getAvailability: makeGetAvailability(deps),
    listSlots: makeListSlots(deps),
    previewSlots: makePreviewSlots(deps),
    doctorsAvailableOn: makeDoctorsAvailableOn(deps),
    claimTime: makeClaimTime(deps),
    releaseClaims: makeReleaseClaims(deps),
    findClaimsByHolds: makeFindClaimsByHolds(deps),
    rebuildBusyIndex: () => rebuildBusyIndex(deps),
    purgePastClaims: makePurgePastClaims(deps),
    findHoldsCreatedBetween: (from: Date, to: Date) => deps.claims.findHoldsCreatedBetween(from, to),
  };
}
export type SchedulingUseCases = ReturnType<typeof makeSchedulingUseCases>;
