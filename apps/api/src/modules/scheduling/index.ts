import type { Db } from 'mongodb';
import type { Outbox } from '../../platform/outbox/outbox.ts';
import type { AuthGuards } from '../../platform/http/auth.middleware.ts';
import { watchBusyIndex } from './application/busy-time.ts';
import type { SchedulingDeps } from './application/ports.ts';
import { makeSchedulingUseCases } from './application/use-cases.ts';
import { schedulingRouter, type SchedulingLimits } from './http/scheduling.routes.ts';
import { makeMongoAvailabilityRepository } from './infrastructure/mongo-availability.repository.ts';
import { makeMongoClaimRepository } from './infrastructure/mongo-claim.repository.ts';

/**
 * Wires scheduling: availability rules, the slot engine's listings and time
 * claims, and the watcher that rebuilds the busy index whenever it is found
 * incomplete (checked once before the module is returned).
 */
export async function makeSchedulingModule(
  db: Db,
  outbox: Outbox,
  adapters: Omit<SchedulingDeps, 'availability' | 'claims'>,
  guards: AuthGuards,
  limits: SchedulingLimits,
  onBackgroundError: (error: unknown) => void,
) {
  const claims = makeMongoClaimRepository(db);
  await claims.ensureIndexes();
  const availability = makeMongoAvailabilityRepository(db, outbox);
  const deps = { ...adapters, claims, availability };
  const useCases = makeSchedulingUseCases(deps);
  const watcher = watchBusyIndex(deps, onBackgroundError);
  await watcher.check();
  return {
    useCases,
    router: schedulingRouter(useCases, guards, limits),
    close: async () => {
      availability.close();
      await watcher.stop();
    },
  };
}
