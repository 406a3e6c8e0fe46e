import type { PrivacyDeps } from './ports.ts';

/**
 * The outbox's delivery of a deletion (ERASE_PERSONAL_DATA): every source
 * first marks the records a rule keeps, then erases the rest. Sources run
 * independently, and the effect fails (to be retried, every source again:
 * each is safe to repeat) until every one of them has succeeded.
 */
export function makeErasePersonalData(deps: PrivacyDeps) {
  return async function erasePersonalData(userId: string): Promise<void> {
    const results = await Promise.allSettled(
      deps.sources.map(async (source) => {
        await source.retention?.retainFor(userId);
        await source.eraseFor(userId);
      }),
    );
    const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [`${deps.sources[i]!.name}: ${String(r.reason)}`] : []));
    if (failed.length) throw new Error(`personal data not yet erased (${failed.join('; ')})`);
  };
}
