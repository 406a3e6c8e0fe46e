import type { Db } from 'mongodb';
import type { AuthGuards } from '../../platform/http/auth.middleware.ts';
import type { SchedulingDeps } from './application/ports.ts';
import { makeSchedulingUseCases } from './application/use-cases.ts';
import { schedulingRouter } from './http/scheduling.routes.ts';
import { makeMongoAvailabilityRepository } from './infrastructure/mongo-availability.repository.ts';
import { makeMongoClaimRepository } from './infrastructure/mongo-claim.repository.ts';

/** Wires scheduling: availability rules, the slot engine's listings and time claims. */
export async function makeSchedulingModule(
  db: Db,
  adapters: Omit<SchedulingDeps, 'availability' | 'claims'>,
  guards: AuthGuards,
) {
  const claims = makeMongoClaimRepository(db);
  await claims.ensureIndexes();
  const useCases = makeSchedulingUseCases({ ...adapters, claims, availability: makeMongoAvailabilityRepository(db) });
  await useCases.rebuildBusyIndex();
  return { useCases, router: schedulingRouter(useCases, guards) };
}
