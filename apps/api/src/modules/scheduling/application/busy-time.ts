import { CLAIM_CELL_MINUTES, type TimeSpan } from '../domain/claim-cells.ts';
import type { SchedulingDeps } from './ports.ts';

const CELL_MS = CLAIM_CELL_MINUTES * 60_000;
const DAY_MS = 86_400_000;

/** A doctor's claimed cells around [from, to) merged into busy intervals for the slot engine. */
export async function busyTime(deps: SchedulingDeps, doctorId: string, from: Date, to: Date): Promise<TimeSpan[]> {
  // A day of margin each side covers slots that straddle the window's edges.
  const cells = await deps.busyIndex.cellsBetween(doctorId, new Date(from.getTime() - DAY_MS), new Date(to.getTime() + DAY_MS));
  const spans: TimeSpan[] = [];
  for (const cell of [...cells].sort((a, b) => a.getTime() - b.getTime())) {
    const last = spans.at(-1);
    if (last && last.end.getTime() === cell.getTime()) last.end = new Date(cell.getTime() + CELL_MS);
    else spans.push({ start: cell, end: new Date(cell.getTime() + CELL_MS) });
  }
  return spans;
}

/**
 * Rebuilds the busy index from the claims (at start-up and by the reconciler),
 * repairing any drift left by a crash between a claim write and its index update.
 */
export async function rebuildBusyIndex(deps: SchedulingDeps): Promise<void> {
  const byOwner = new Map<string, Date[]>();
  for (const { ownerId, cell } of await deps.claims.findAllDoctorCells()) {
    (byOwner.get(ownerId) ?? byOwner.set(ownerId, []).get(ownerId)!).push(cell);
  }
  await deps.busyIndex.replaceAll(byOwner);
}
