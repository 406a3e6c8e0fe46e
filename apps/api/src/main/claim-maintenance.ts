import type { JobLeases } from '../platform/mongo/job-lease.ts';

/** More than the reconciler's grace period (5 minutes): every claim is looked at once it has settled. */
const RECONCILE_OVERLAP_MS = 15 * 60_000;
/** A run takes seconds; a process that holds the lease this long without extending it is gone. */
const LEASE_MS = 10 * 60_000;
const HOUR_MS = 3_600_000;

/**
 * The claims' periodic upkeep (`main/server.ts` runs it every 5 minutes in
 * every process): one process at a time (a job lease), never two runs at once
 * in one process. A run reconciles what changed since the last finished run
 * (see reconcile-claims.ts), rebuilds the busy index from the claims of future
 * time, and in its first run of each hour deletes the claims of past time.
 */
export function makeClaimMaintenance(deps: {
  leases: JobLeases;
  clock: { now(): Date };
  purgePastClaims(): Promise<number>;
  reconcileClaims(since?: Date): Promise<number>;
  rebuildBusyIndex(): Promise<boolean>;
}) {
  const runOnce = () =>
    deps.leases.runExclusive('claim-maintenance', LEASE_MS, async (lastGoodStart) => {
      const hour = (d: Date) => Math.floor(d.getTime() / HOUR_MS);
      const purged = !lastGoodStart || hour(lastGoodStart) !== hour(deps.clock.now()) ? await deps.purgePastClaims() : 0;
      const released = await deps.reconcileClaims(
        lastGoodStart ? new Date(lastGoodStart.getTime() - RECONCILE_OVERLAP_MS) : undefined,
      );
      const rebuilt = await deps.rebuildBusyIndex();
      return { purged, released, rebuilt };
    });
  let running: ReturnType<typeof runOnce> | undefined;
  return {
    /** `{ ran: false }` when another process is running it now. */
    run: () => (running ??= runOnce().finally(() => (running = undefined))),
  };
}
