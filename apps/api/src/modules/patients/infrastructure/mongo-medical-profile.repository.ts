import type { Db } from 'mongodb';
import { makeVersionedStore } from '../../../platform/mongo/versioned-store.ts';
import type { Outbox } from '../../../platform/outbox/outbox.ts';
import type { FieldCipher } from '../../../platform/security/field-cipher.ts';
import { protectFields } from '../../../platform/security/protected-fields.ts';
import type { MedicalProfileRepository } from '../application/ports.ts';
import type { MedicalProfile } from '../domain/medical-profile.ts';

export const COLLECTION = 'medical_profiles';
/** Every health field: sealed in heads and versions alike. */
export const PROTECTED_FIELDS = ['dateOfBirth', 'sex', 'bloodGroup', 'allergies', 'conditions', 'medications', 'notes'];

type Stored = Omit<MedicalProfile, 'patientId'> & { id: string };

const toStored = ({ patientId, ...profile }: MedicalProfile): Stored => ({ id: patientId, ...profile });
const toProfile = ({ id, ...stored }: Stored): MedicalProfile => ({ patientId: id, ...stored });

/**
 * Medical profiles as versioned records (see makeVersionedStore), read only by
 * `_id` = patientId. Every health field is sealed at this edge, so the
 * database holds ciphertext only; application code sees plain profiles.
 */
export function makeMongoMedicalProfileRepository(db: Db, outbox: Outbox, cipher: FieldCipher) {
  const store = makeVersionedStore<Stored>(db, COLLECTION, outbox, {
    protect: protectFields(cipher, COLLECTION, PROTECTED_FIELDS),
  });
  const repository: MedicalProfileRepository = {
    async findByPatientId(patientId) {
      const stored = await store.findById(patientId);
      return stored && toProfile(stored);
    },
    save: (next) => (next.version === 1 ? store.create(toStored(next)) : store.save(toStored(next))),
    async erase(patientId, redact) {
      const erased = await store.erase(patientId, (current) => toStored(redact(toProfile(current))));
      return erased && toProfile(erased);
    },
  };
  return {
    ...repository,
    protectedStores: [store.protectedStore],
  };
}
