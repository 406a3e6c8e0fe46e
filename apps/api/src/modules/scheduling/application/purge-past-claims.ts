import type { SchedulingDeps } from './ports.ts';

/** Listings and the busy index look back a day at most; older claims decide nothing any more. */
const KEEP_PAST_MS = 86_400_000;

/**
 * Deletes the claims of cells that started more than a day ago: past time is
 * never booked again, and on FerretDB every claim kept makes each scan and
 * delete of `time_claims` slower. Returns how many were deleted.
 */
export function makePurgePastClaims(deps: SchedulingDeps) {
  return function purgePastClaims(): Promise<number> {
    return deps.claims.removeCellsBefore(new Date(deps.clock.now().getTime() - KEEP_PAST_MS));
  };
}
