import type { Db } from 'mongodb';
import { insertOrFail } from '../../../platform/mongo/mongo.ts';
import type { Outbox } from '../../../platform/outbox/outbox.ts';
import type { OneTimeCodeRepository } from '../application/ports.ts';
import type { CodePurpose, OneTimeCode } from '../domain/one-time-code.ts';

interface CodeDoc extends OneTimeCode {
  _id: string;
  /** The outbox's commit marker: the e-mail of this code is sent only while this is the stored code. */
  changeId: string;
}

interface AttemptDoc {
  _id: string;
  at: Date;
}

const keyOf = (userId: string, purpose: CodePurpose) => `${purpose}:${userId}`;

export function makeMongoOneTimeCodeRepository(db: Db, outbox: Outbox): OneTimeCodeRepository {
  const codes = db.collection<CodeDoc>('one_time_codes');
  const attempts = db.collection<AttemptDoc>('one_time_code_attempts');
  return {
    async save(code, effects) {
      const _id = keyOf(code.userId, code.purpose);
      // The effects (the code's e-mail) are recorded first, keyed by this code's nonce; the
      // outbox sends them once it finds this code stored, and drops them when the code was
      // never stored or was replaced by a newer one (whose mail is the one that matters).
      const entry = await outbox.enqueue(effects, { collection: codes.collectionName, id: _id, changeId: code.nonce });
      await codes.replaceOne({ _id }, { ...code, changeId: code.nonce }, { upsert: true });
      outbox.kick(entry);
    },
    async find(userId, purpose) {
      const doc = await codes.findOne({ _id: keyOf(userId, purpose) });
      if (!doc) return null;
      const { _id, changeId: _c, ...code } = doc;
      return code;
    },
    async claimAttempt(nonce, max) {
      // Slots 1..max per code: each try takes the first free one; no slot, no try.
      for (let slot = 1; slot <= max; slot++) {
        if ((await insertOrFail(attempts, { _id: `${nonce}:${slot}`, at: new Date() })) === 'ok') return true;
      }
      return false;
    },
    async purgeBefore(before) {
      const [c, a] = await Promise.all([
        codes.deleteMany({ expiresAt: { $lt: before } }),
        attempts.deleteMany({ at: { $lt: before } }),
      ]);
      return c.deletedCount + a.deletedCount;
    },
    async remove(userId, purpose) {
      await codes.deleteOne({ _id: keyOf(userId, purpose) });
    },
  };
}
