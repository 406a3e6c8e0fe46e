import { CLAIMS_LOOK_BACK_MS } from './busy-time.ts';
import type { SchedulingDeps } from './ports.ts';

/**
 * Deletes the claims of cells older than listings and the busy index look back
 * (a day): past time is never booked again, and on FerretDB every claim kept
 * makes each scan and delete of `time_claims` slower. Returns how many were deleted.
 */
export function makePurgePastClaims(deps: SchedulingDeps) {
  return function purgePastClaims(): Promise<number> {
    return deps.claims.removeCellsBefore(new Date(deps.clock.now().getTime() - CLAIMS_LOOK_BACK_MS));
  };
}
