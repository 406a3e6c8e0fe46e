import { CLAIM_CELL_MINUTES, type TimeSpan } from '../domain/claim-cells.ts';
import type { SchedulingDeps } from './ports.ts';

const CELL_MS = CLAIM_CELL_MINUTES * 60_000;
const DAY_MS = 86_400_000;
/**
 * How far into the past claims still matter: the listing windows' margin below.
 * The index holds cells from this long ago on, and older claims may be purged.
 */
export const CLAIMS_LOOK_BACK_MS = DAY_MS;

/** Sorted cells merged into busy intervals for the slot engine. */
function toSpans(cells: Date[]): TimeSpan[] {
  const spans: TimeSpan[] = [];
  for (const cell of [...cells].sort((a, b) => a.getTime() - b.getTime())) {
    const last = spans.at(-1);
    if (last && last.end.getTime() >= cell.getTime()) last.end = new Date(Math.max(last.end.getTime(), cell.getTime() + CELL_MS));
    else spans.push({ start: cell, end: new Date(cell.getTime() + CELL_MS) });
  }
  return spans;
}

/**
 * Each doctor's busy intervals around [from, to): from the busy index, or, while
 * the index is not known to be complete (lost in a Redis restart, missing an
 * update, Redis unreachable), from the claims themselves: one query for all of
 * them, slower but never wrong.
 */
export async function busyTimeOf(
  deps: SchedulingDeps,
  doctorIds: readonly string[],
  from: Date,
  to: Date,
  /** 'everyone': one read of every owner's cells in the window (for many doctors) rather than one per doctor. */
  read: 'each' | 'everyone' = 'each',
): Promise<Map<string, TimeSpan[]>> {
  // A day of margin each side covers slots that straddle the window's edges.
  const wideFrom = new Date(from.getTime() - DAY_MS);
  const wideTo = new Date(to.getTime() + DAY_MS);
  const cells =
    (await deps.busyIndex.cellsBetween(read === 'everyone' ? 'everyone' : doctorIds, wideFrom, wideTo)) ??
    new Map(
      [...Map.groupBy(await deps.claims.findCellsBetween(doctorIds, wideFrom, wideTo), (c) => c.ownerId)].map(([owner, own]) => [
        owner,
        own.map((c) => c.cell),
      ]),
    );
  return new Map(doctorIds.map((id) => [id, toSpans(cells.get(id) ?? [])]));
}

/** One doctor's busy intervals around [from, to) (see `busyTimeOf`). */
export async function busyTime(deps: SchedulingDeps, doctorId: string, from: Date, to: Date): Promise<TimeSpan[]> {
  return (await busyTimeOf(deps, [doctorId], from, to)).get(doctorId)!;
}

/**
 * Rebuilds the busy index from the claims of cells from a day ago on, and marks
 * it complete: at start-up, whenever it is found incomplete, and periodically
 * (repairing drift left by a crash between a claim and its index update).
 * Updates made meanwhile are kept (see `BusyIndexRebuild`). False when another
 * rebuild is under way or this one lost its turn.
 */
export async function rebuildBusyIndex(deps: SchedulingDeps): Promise<boolean> {
  const rebuild = await deps.busyIndex.beginRebuild();
  if (!rebuild) return false;
  try {
    const claims = await deps.claims.findDoctorClaimsFrom(new Date(deps.clock.now().getTime() - CLAIMS_LOOK_BACK_MS));
    return await rebuild.complete(claims);
  } catch (error) {
    await rebuild.abandon().catch(() => {});
    throw error;
  }
}

/**
 * Keeps the busy index complete: checks it every `everyMs` and rebuilds it at
 * once when it is not (after a Redis restart, within about a second). Until
 * then listings read the claims. Failures go to `onError` once per outage.
 */
export function watchBusyIndex(deps: SchedulingDeps, onError: (error: unknown) => void, everyMs = 1_000) {
  let checking: Promise<void> | undefined;
  let failing = false;
  const check = () =>
    (checking ??= (async () => {
      try {
        if (!(await deps.busyIndex.isComplete())) await rebuildBusyIndex(deps);
        failing = false;
      } catch (error) {
        if (!failing) onError(error);
        failing = true;
      }
    })().finally(() => (checking = undefined)));
  const timer = setInterval(() => void check(), everyMs);
  timer.unref();
  return {
    /** One check now (start-up waits for it, so the first listings use the index). */
    check,
    async stop() {
      clearInterval(timer);
      await checking;
    },
  };
}
