import type { Db } from 'mongodb';
import type { AuthGuards } from '../../platform/http/auth.middleware.ts';
import type { Outbox } from '../../platform/outbox/outbox.ts';
import type { FieldCipher } from '../../platform/security/field-cipher.ts';
import { makePatientsUseCases } from './application/use-cases.ts';
import { patientsRouter } from './http/patients.routes.ts';
import { makeMongoMedicalProfileRepository } from './infrastructure/mongo-medical-profile.repository.ts';

/**
 * Wires the patients module: the patient's medical profile, sealed at rest.
 * `useCases.getMedicalProfile` serves the data export and
 * `useCases.eraseMedicalProfile` account deletion.
 */
export function makePatientsModule(db: Db, outbox: Outbox, cipher: FieldCipher, guards: AuthGuards, clock: { now(): Date }) {
  const { protectedStores, ...profiles } = makeMongoMedicalProfileRepository(db, outbox, cipher);
  const useCases = makePatientsUseCases({ profiles, clock });
  return { useCases, router: patientsRouter(useCases, guards), protectedStores };
}
