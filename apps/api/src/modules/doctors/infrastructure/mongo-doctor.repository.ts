import type { Db } from 'mongodb';
import { makeChangeFeed, makeMirror } from '../../../platform/mongo/change-feed.ts';
import { makeVersionedStore } from '../../../platform/mongo/versioned-store.ts';
import type { Outbox } from '../../../platform/outbox/outbox.ts';
import type { FieldCipher } from '../../../platform/security/field-cipher.ts';
import { protectFields } from '../../../platform/security/protected-fields.ts';
import type { DoctorRepository } from '../application/ports.ts';
import type { Doctor } from '../domain/doctor.ts';
import { makeDoctorDirectory } from './doctor-directory.ts';

/** Records stored before search moved into the mirror also carry `languagesLower`, which nothing reads now. */
type Stored = Doctor & { languagesLower?: string[] };

const toDoctor = ({ languagesLower: _ll, ...doctor }: Stored): Doctor => ({
  ...doctor,
  // Development records from before versioning: version 0, so the next change commits version 1.
  version: doctor.version ?? 0,
  kyc: { ...doctor.kyc, history: doctor.kyc.history ?? [] },
});

/**
 * Doctors are versioned records (see makeVersionedStore): every change is
 * committed by inserting `<id>:<version>` into doctors_versions, after a
 * notice in doctors_changes. Search, the KYC queue and its counts read this
 * process's mirror of every doctor (makeMirror: one scan at start-up, then the
 * notices), so they cost no query beyond the feed's tail, at any number of
 * doctors; every other read is by `_id`. The registration number is sealed,
 * with a blind index beside it (decision 0017); the mirror also keeps doctors
 * by that index, for "who else submitted this registration number".
 */
export function makeMongoDoctorRepository(db: Db, outbox: Outbox, cipher: FieldCipher) {
  const changes = makeChangeFeed(db, 'doctors');
  const protect = protectFields(cipher, 'doctors', ['kyc.registrationNumber'], {
    'kyc.registrationNumber': 'kyc.registrationIndex',
  });
  const store = makeVersionedStore<Stored>(db, 'doctors', outbox, { changes, normalize: toDoctor, protect });
  const findById = store.findById;
  const directory = makeDoctorDirectory((number) => protect.blindIndex('kyc.registrationNumber', number));
  const mirror = makeMirror(changes, store, directory);
  mirror.start();

  const repository: DoctorRepository = {
    findById,
    create: (doctor) => store.create(doctor),
    save: (next, effects) => store.save(next, effects),
    async searchListed(search) {
      await mirror.fresh();
      return directory.searchListed(search);
    },
    async listByKycStatus(status, skip, limit) {
      await mirror.fresh();
      return directory.listByKycStatus(status, skip, limit);
    },
    async countByKycStatus() {
      await mirror.fresh();
      return directory.countByKycStatus();
    },
    async findByRegistration(registrationNumber) {
      await mirror.fresh();
      return directory.withRegistration(registrationNumber);
    },
  };
  return {
    ...repository,
    /** Bulk import at version 1 into a database no API process serves yet (see the store's importMany). */
    importMany: (doctors: Doctor[]) => store.importMany(doctors),
    protectedStores: [store.protectedStore],
    close: () => mirror.close(),
  };
}
