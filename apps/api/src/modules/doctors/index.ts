import type { Db } from 'mongodb';
import type { AuthGuards } from '../../platform/http/auth.middleware.ts';
import type { EffectHandler, Outbox } from '../../platform/outbox/outbox.ts';
import type { FieldCipher } from '../../platform/security/field-cipher.ts';
import type { DoctorsDeps } from './application/ports.ts';
import { makeDoctorsUseCases } from './application/use-cases.ts';
import { seedSpecialties } from './domain/specialties.ts';
import { doctorsRouter, type DoctorsLimits } from './http/doctors.routes.ts';
import { makeMongoDoctorRepository } from './infrastructure/mongo-doctor.repository.ts';
import { makeMongoSpecialtyRepository } from './infrastructure/mongo-specialty.repository.ts';

type Adapters = Omit<DoctorsDeps, 'doctors' | 'specialties'>;

/** Wires the doctors module: profiles, KYC, specialties, public search. */
export async function makeDoctorsModule(
  db: Db,
  outbox: Outbox,
  cipher: FieldCipher,
  adapters: Adapters,
  guards: AuthGuards,
  limits: DoctorsLimits,
) {
  const doctors = makeMongoDoctorRepository(db, outbox, cipher);
  const specialties = makeMongoSpecialtyRepository(db);
  await specialties.ensureIndexes();
  await specialties.seed(seedSpecialties);
  const useCases = makeDoctorsUseCases({ ...adapters, doctors, specialties });
  const effectHandlers: Record<string, EffectHandler> = {
    // Identity committed a block or unblock: mirror identity's current answer for search.
    'account.block-changed': (payload) => useCases.mirrorAccountBlock(String(payload['userId'])),
  };
  return {
    useCases,
    router: doctorsRouter(useCases, guards, limits),
    effectHandlers,
    protectedStores: doctors.protectedStores,
    close: doctors.close,
  };
}
