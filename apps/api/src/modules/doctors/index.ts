import type { Db } from 'mongodb';
import type { AuthGuards } from '../../platform/http/auth.middleware.ts';
import type { DoctorsDeps } from './application/ports.ts';
import { makeDoctorsUseCases } from './application/use-cases.ts';
import { seedSpecialties } from './domain/specialties.ts';
import { doctorsRouter } from './http/doctors.routes.ts';
import { makeMongoDoctorRepository } from './infrastructure/mongo-doctor.repository.ts';
import { makeMongoKycEventRepository } from './infrastructure/mongo-kyc-event.repository.ts';
import { makeMongoSpecialtyRepository } from './infrastructure/mongo-specialty.repository.ts';

type Adapters = Omit<DoctorsDeps, 'doctors' | 'kycEvents' | 'specialties'>;

/** Wires the doctors module: profiles, KYC, specialties, public search. */
export async function makeDoctorsModule(db: Db, adapters: Adapters, guards: AuthGuards) {
  const doctors = makeMongoDoctorRepository(db);
  const kycEvents = makeMongoKycEventRepository(db);
  const specialties = makeMongoSpecialtyRepository(db);
  await Promise.all([doctors.ensureIndexes(), kycEvents.ensureIndexes(), specialties.seed(seedSpecialties)]);
  const useCases = makeDoctorsUseCases({ ...adapters, doctors, kycEvents, specialties });
  return { useCases, router: doctorsRouter(useCases, guards) };
}
